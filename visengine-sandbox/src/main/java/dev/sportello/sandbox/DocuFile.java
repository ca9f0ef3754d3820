package dev.sportello.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A file a DocuEngine request delivers: a generated PDF, padded to a requested size, with the size
 * and base64 MD5 that {@code GET /requests/{id}/documents} announces. Its bytes are streamed on
 * each download, never held whole.
 */
final class DocuFile {

  static final String MIME_TYPE = "application/pdf";

  /**
   * What a file is made of: equal specs render equal bytes, so a rendered file can be kept for as
   * long as its request's spec stays the same.
   *
   * @param targetSize the size wanted in bytes; a file is never smaller than it naturally is
   */
  record Spec(
      String fileName, String title, List<String> lines, Instant producedAt, long targetSize) {
    Spec {
      lines = List.copyOf(lines);
    }
  }

  private final Spec spec;
  private final PdfDocument.Parts pdf;
  private final String md5;

  private DocuFile(Spec spec, PdfDocument.Parts pdf) {
    this.spec = spec;
    this.pdf = pdf;
    this.md5 = md5Of(pdf);
  }

  /**
   * A PDF of its natural size, or of the target size when that is larger. Reading every byte for
   * the MD5 takes seconds for the largest files: call it without holding a lock others wait on.
   */
  static DocuFile render(Spec spec) {
    long natural = PdfDocument.render(spec.title(), spec.lines(), spec.producedAt(), 0).size();
    long padding = Math.max(0, spec.targetSize() - natural);
    return new DocuFile(
        spec, PdfDocument.render(spec.title(), spec.lines(), spec.producedAt(), padding));
  }

  Spec spec() {
    return spec;
  }

  String fileName() {
    return spec.fileName();
  }

  long size() {
    return pdf.size();
  }

  /** The MD5 of the content, base64-encoded as cloud storage reports it. */
  String md5() {
    return md5;
  }

  void writeTo(OutputStream out) throws IOException {
    pdf.writeTo(out);
  }

  private static String md5Of(PdfDocument.Parts pdf) {
    try {
      MessageDigest digest = MessageDigest.getInstance("MD5");
      try (DigestOutputStream out =
          new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
        pdf.writeTo(out);
      }
      return Base64.getEncoder().encodeToString(digest.digest());
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every JDK has MD5", missing);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }
}

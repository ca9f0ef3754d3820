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

  private final String fileName;
  private final PdfDocument.Parts pdf;
  private final String md5;

  private DocuFile(String fileName, PdfDocument.Parts pdf) {
    this.fileName = fileName;
    this.pdf = pdf;
    this.md5 = md5Of(pdf);
  }

  /** A PDF of its natural size, or of {@code targetSize} bytes when that is larger. */
  static DocuFile render(
      String fileName, String title, List<String> lines, Instant producedAt, long targetSize) {
    long natural = PdfDocument.render(title, lines, producedAt, 0).size();
    long padding = Math.max(0, targetSize - natural);
    return new DocuFile(fileName, PdfDocument.render(title, lines, producedAt, padding));
  }

  String fileName() {
    return fileName;
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

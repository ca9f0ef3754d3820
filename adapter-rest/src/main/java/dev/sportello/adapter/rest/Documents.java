package dev.sportello.adapter.rest;

import dev.sportello.adapter.rest.Views.FileView;
import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Serves stored documents as streams: the whole archive (with {@code ETag}, {@code Content-Length}
 * and single byte ranges), the list of its entries, and one entry. An archive is never held in
 * memory or unpacked to disk.
 */
final class Documents {
  private static final Pattern SINGLE_RANGE =
      Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})", Pattern.CASE_INSENSITIVE);
  private static final Pattern SAFE_NAME = Pattern.compile("[^A-Za-z0-9._-]");

  private Documents() {}

  /** The archive, or the part of it a {@code Range} header asks for. */
  static void serveArchive(Context ctx, RetrievedDocument document) {
    long total = document.ref().sizeBytes();
    String etag = "\"" + document.ref().sha256() + "\"";
    InputStream content = document.content();
    ctx.disableCompression();
    ctx.header("ETag", etag);
    ctx.header("Accept-Ranges", "bytes");
    ctx.header("Cache-Control", "private, no-cache");
    ctx.header(
        "Content-Disposition", "attachment; filename=\"" + safeName(document.ref().name()) + "\"");
    if (matches(ctx.header("If-None-Match"), etag)) {
      closeQuietly(content);
      ctx.status(304);
      return;
    }
    Range range = range(ctx, total, etag);
    switch (range) {
      case Range.Whole whole -> {
        ctx.status(200);
        ctx.contentType("application/zip");
        ctx.header("Content-Length", Long.toString(total));
        ctx.result(content);
      }
      case Range.Part part -> {
        try {
          content.skipNBytes(part.from());
        } catch (IOException shorter) {
          closeQuietly(content);
          throw unreadable();
        }
        long length = part.to() - part.from() + 1;
        ctx.status(206);
        ctx.contentType("application/zip");
        ctx.header("Content-Range", "bytes " + part.from() + "-" + part.to() + "/" + total);
        ctx.header("Content-Length", Long.toString(length));
        ctx.result(new Bounded(content, length));
      }
      case Range.Unsatisfiable unsatisfiable -> {
        closeQuietly(content);
        throw Problem.of(
                416,
                "range_not_satisfiable",
                "Range not satisfiable",
                "the document has " + total + " bytes")
            .withHeader("Content-Range", "bytes */" + total)
            .raise();
      }
    }
  }

  /** Every file in the archive, in archive order, with its size. */
  static List<FileView> list(RetrievedDocument document) {
    List<FileView> files = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(document.content())) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.isDirectory()) {
          continue;
        }
        long size = zip.transferTo(OutputStream.nullOutputStream());
        files.add(new FileView(entry.getName(), size, contentType(entry.getName())));
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      throw unreadable();
    }
    return files;
  }

  /** One file of the archive, streamed as it is unpacked. */
  static void serveEntry(Context ctx, RetrievedDocument document, String name) {
    ZipInputStream zip = new ZipInputStream(document.content());
    try {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory() && entry.getName().equals(name)) {
          ctx.disableCompression();
          ctx.status(200);
          ctx.contentType(contentType(name));
          ctx.header("Cache-Control", "private, no-cache");
          ctx.header(
              "ETag",
              "\"" + document.ref().sha256() + "-" + Long.toHexString(entry.getCrc()) + "\"");
          ctx.header(
              "Content-Disposition", "inline; filename=\"" + safeName(baseName(name)) + "\"");
          if (entry.getSize() >= 0) {
            ctx.header("Content-Length", Long.toString(entry.getSize()));
          }
          ctx.result(zip);
          return;
        }
      }
    } catch (IOException | IllegalArgumentException unreadable) {
      closeQuietly(zip);
      throw unreadable();
    }
    closeQuietly(zip);
    throw Problem.notFound("the document has no file with this name").raise();
  }

  sealed interface Range {
    record Whole() implements Range {}

    record Part(long from, long to) implements Range {}

    record Unsatisfiable() implements Range {}
  }

  /**
   * What a {@code Range} header asks for. Headers this server does not serve (several ranges, other
   * units, bad syntax, a stale {@code If-Range}) are ignored, as RFC 9110 allows: the whole
   * document is sent.
   */
  static Range range(Context ctx, long total, String etag) {
    String header = ctx.header("Range");
    if (header == null) {
      return new Range.Whole();
    }
    String ifRange = ctx.header("If-Range");
    if (ifRange != null && !ifRange.strip().equals(etag)) {
      return new Range.Whole();
    }
    return range(header, total);
  }

  static Range range(String header, long total) {
    Matcher matcher = SINGLE_RANGE.matcher(header.strip());
    if (!matcher.matches()) {
      return new Range.Whole();
    }
    String first = matcher.group(1);
    String last = matcher.group(2);
    if (first.isEmpty() && last.isEmpty()) {
      return new Range.Whole();
    }
    if (first.isEmpty()) {
      long suffix = Long.parseLong(last);
      if (suffix == 0 || total == 0) {
        return new Range.Unsatisfiable();
      }
      return new Range.Part(Math.max(0, total - suffix), total - 1);
    }
    long from = Long.parseLong(first);
    long to = last.isEmpty() ? Long.MAX_VALUE : Long.parseLong(last);
    if (to < from) {
      return new Range.Whole();
    }
    if (from >= total) {
      return new Range.Unsatisfiable();
    }
    return new Range.Part(from, Math.min(to, total - 1));
  }

  private static boolean matches(@Nullable String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",", -1)) {
      String tag = candidate.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  static String contentType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (lower.endsWith(".xml")) {
      return "application/xml";
    }
    if (lower.endsWith(".txt")) {
      return "text/plain";
    }
    if (lower.endsWith(".p7m")) {
      return "application/pkcs7-mime";
    }
    return "application/octet-stream";
  }

  private static String baseName(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  private static String safeName(String name) {
    String safe = SAFE_NAME.matcher(name).replaceAll("_");
    return safe.isEmpty() ? "document" : safe;
  }

  private static Problem.ApiProblem unreadable() {
    return Problem.of(
            502,
            "unreadable_document",
            "The stored document cannot be read",
            "the document received from upstream is not a readable ZIP archive")
        .raise();
  }

  static void closeQuietly(InputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // Nothing more can be done with a stream that fails to close.
    }
  }

  /** At most a given number of bytes of a stream; closing it closes the stream. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int read = super.read();
      if (read >= 0) {
        left--;
      }
      return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int read = super.read(buffer, offset, (int) Math.min(length, left));
      if (read > 0) {
        left -= read;
      }
      return read;
    }

    @Override
    public long skip(long count) throws IOException {
      long skipped = super.skip(Math.min(count, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), left);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}

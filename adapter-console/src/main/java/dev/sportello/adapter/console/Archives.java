package dev.sportello.adapter.console;

import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import io.javalin.http.Context;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A request's stored document: sent as an attachment, streamed as it is read, and its files listed
 * as they are unpacked. Neither ever holds the archive in memory; the listing stops at a number of
 * files and of unpacked bytes, and shortens long names, so that an archive built to unpack without
 * end cannot keep it busy or fill the page.
 */
final class Archives {
  /** The files listed at most; the page says when there are more. */
  static final int MAX_FILES = 100;

  /**
   * The unpacked bytes counted at most, over all files: 64 MiB, far above the few PDF pages of a
   * certificate, and a fraction of a second to unpack.
   */
  static final long MAX_UNPACKED_BYTES = 64L << 20;

  /** The characters of a file's name shown at most; a longer one is cut and ends with "…". */
  static final int MAX_NAME_LENGTH = 200;

  private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^A-Za-z0-9._-]");

  private Archives() {}

  /** One file inside the archive, with its unpacked size. */
  record ArchiveFile(String name, long sizeBytes) {}

  /** What the page shows of the archive's contents. */
  sealed interface Listing {
    /**
     * The files, in archive order.
     *
     * @param complete whether every file is listed; false when a bound stopped the listing
     */
    record Files(List<ArchiveFile> files, boolean complete) implements Listing {
      public Files {
        files = List.copyOf(files);
      }
    }

    /** The stored bytes are not a readable ZIP archive. */
    record Unreadable() implements Listing {}
  }

  /** Sends the archive as a download. */
  static void serve(Context ctx, RetrievedDocument document) {
    ctx.disableCompression();
    ctx.status(200);
    ctx.contentType("application/zip");
    ctx.header("Content-Length", Long.toString(document.ref().sizeBytes()));
    ctx.header("Cache-Control", "private, no-store");
    ctx.header(
        "Content-Disposition", "attachment; filename=\"" + safeName(document.ref().name()) + "\"");
    ctx.result(document.content());
  }

  /**
   * Lists the archive's files; closes the document's stream. Nothing when the stored bytes could
   * not be read, which another try may not meet: unlike an unreadable archive, no answer about the
   * document.
   */
  static Option<Listing> list(RetrievedDocument document) {
    List<ArchiveFile> files = new ArrayList<>();
    long budget = MAX_UNPACKED_BYTES;
    try (ZipInputStream zip = new ZipInputStream(document.content())) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.isDirectory()) {
          continue;
        }
        if (files.size() == MAX_FILES) {
          return Option.some(new Listing.Files(files, false));
        }
        long size = unpackedSize(zip, budget);
        if (size > budget) {
          return Option.some(new Listing.Files(files, false));
        }
        budget -= size;
        files.add(new ArchiveFile(shortened(entry.getName()), size));
      }
    } catch (ZipException | IllegalArgumentException unreadable) {
      return Option.some(new Listing.Unreadable());
    } catch (IOException unread) {
      return Option.none();
    }
    return Option.some(new Listing.Files(files, true));
  }

  /** The current entry's size, read through; stops just past the budget. */
  private static long unpackedSize(InputStream entry, long budget) throws IOException {
    byte[] buffer = new byte[8192];
    long size = 0;
    for (int read = entry.read(buffer); read >= 0; read = entry.read(buffer)) {
      size += read;
      if (size > budget) {
        return size;
      }
    }
    return size;
  }

  /** The name, cut to its first characters when it is too long to show, never within a pair. */
  static String shortened(String name) {
    if (name.length() <= MAX_NAME_LENGTH) {
      return name;
    }
    int end = MAX_NAME_LENGTH - 1;
    if (Character.isHighSurrogate(name.charAt(end - 1))) {
      end--;
    }
    return name.substring(0, end) + "…";
  }

  private static String safeName(String name) {
    String safe = UNSAFE_IN_NAME.matcher(name).replaceAll("_");
    return safe.isEmpty() ? "document.zip" : safe;
  }
}

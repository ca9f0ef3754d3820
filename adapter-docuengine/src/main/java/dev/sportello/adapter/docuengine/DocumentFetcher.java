package dev.sportello.adapter.docuengine;

import dev.sportello.adapter.openapi.Failures;
import dev.sportello.adapter.openapi.StoreStream;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Downloads a request's files from their signed URLs into one ZIP archive, one entry per file,
 * streaming: no file is held whole in memory. Each file's size and MD5 are checked as it streams; a
 * mismatch fails the download. The storage is another host than the API: its client never sends our
 * token, nor any {@code Authorization} header. A URL past its {@code urlExpire}, or one the storage
 * refuses, is replaced once by reading the list of files again.
 */
final class DocumentFetcher {
  private static final int MD5_BYTES = 16;
  private static final int BUFFER = 64 * 1024;

  private final HttpClient storage;
  private final Duration readTimeout;
  private final String userAgent;
  private final Clock clock;

  DocumentFetcher(HttpClient storage, Duration readTimeout, String userAgent, Clock clock) {
    this.storage = storage;
    this.readTimeout = readTimeout;
    this.userAgent = userAgent;
    this.clock = clock;
  }

  /** A file to download, checked: its name, size, MD5 and URL are usable. */
  private record File(String name, long size, String md5Hex, long expires, URI url) {}

  /**
   * Writes the archive into {@code target}, which is not closed.
   *
   * @param files reads the list of files; it may throw what the API client throws
   * @return the archive's name, {@code <id>.zip}
   */
  Either<RemoteFailure, String> download(
      UpstreamId id, Supplier<java.util.@Nullable List<Wire.Download>> files, OutputStream target) {
    var listed = checked(files.get());
    if (listed.isLeft()) {
      return Either.left(listed.getLeft());
    }
    List<File> original = listed.get();
    Set<String> names = new HashSet<>();
    for (File file : original) {
      if (!names.add(file.name())) {
        return malformed("two files are named alike");
      }
    }
    boolean refreshed = false;
    // The files are written in the order first listed; a list read again only gives fresh URLs.
    List<File> current = original;
    ZipOutputStream zip = new ZipOutputStream(new StoreStream(target));
    try {
      for (int position = 0; position < original.size(); position++) {
        File file = current.get(position);
        HttpResponse<InputStream> response =
            file.expires() <= clock.instant().getEpochSecond() ? null : send(file.url());
        if (response == null || refusedSignature(response.statusCode())) {
          if (response != null) {
            response.body().close();
          }
          if (refreshed) {
            return Either.left(
                new RemoteFailure.Unavailable(
                    "the storage refused a fresh download URL of the document"));
          }
          refreshed = true;
          var fresh = checked(files.get()).flatMap(again -> inOrderOf(original, names, again));
          if (fresh.isLeft()) {
            return Either.left(fresh.getLeft());
          }
          current = fresh.get();
          file = current.get(position);
          response = send(file.url());
        }
        var written = write(zip, file, response);
        if (written.isLeft()) {
          return written;
        }
      }
      zip.finish();
      zip.flush();
    } catch (IOException failed) {
      return Either.left(
          StoreStream.failure(failed)
              .getOrElse(() -> Failures.transport(failed, Failures.Effect.READ)));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Either.left(new RemoteFailure.Unavailable("the download was interrupted"));
    }
    return Either.right(id.value() + ".zip");
  }

  private Either<RemoteFailure, String> write(
      ZipOutputStream zip, File file, HttpResponse<InputStream> response) throws IOException {
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status != 200) {
        return Either.left(
            new RemoteFailure.Unavailable(
                "the storage answered HTTP " + status + " to the download of a file"));
      }
      MessageDigest md5 = md5();
      zip.putNextEntry(new ZipEntry(file.name()));
      byte[] buffer = new byte[BUFFER];
      long total = 0;
      for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
        total += read;
        if (total > file.size()) {
          return malformed("a file is longer than its announced size");
        }
        md5.update(buffer, 0, read);
        zip.write(buffer, 0, read);
      }
      zip.closeEntry();
      if (total != file.size()) {
        return malformed("a file is shorter than its announced size");
      }
      if (!HexFormat.of().formatHex(md5.digest()).equals(file.md5Hex())) {
        return malformed("a file does not match its announced MD5");
      }
      return Either.right(file.name());
    }
  }

  /** Sent without any credential: the URL's signature is the only one the storage takes. */
  private HttpResponse<InputStream> send(URI url) throws IOException, InterruptedException {
    return storage.send(
        HttpRequest.newBuilder(url)
            .timeout(readTimeout)
            .header("User-Agent", userAgent)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  /** Cloud storage answers an expired or otherwise unusable signature with 400 or 403. */
  private static boolean refusedSignature(int status) {
    return status == 400 || status == 403;
  }

  /** The list read again, in the order of the first one: it must name the same files, each once. */
  private static Either<RemoteFailure, List<File>> inOrderOf(
      List<File> original, Set<String> names, List<File> again) {
    Map<String, File> byName = new HashMap<>();
    for (File file : again) {
      if (byName.put(file.name(), file) != null) {
        return malformed("two files of the list read again are named alike");
      }
    }
    if (!byName.keySet().equals(names)) {
      return malformed("the list read again names other files");
    }
    List<File> ordered = new ArrayList<>(original.size());
    for (File file : original) {
      ordered.add(Objects.requireNonNull(byName.get(file.name()), "the same names"));
    }
    return Either.right(ordered);
  }

  private static Either<RemoteFailure, List<File>> checked(
      java.util.@Nullable List<Wire.Download> downloads) {
    if (downloads == null || downloads.isEmpty()) {
      return malformed("the request's list of files is empty");
    }
    List<File> files = new ArrayList<>(downloads.size());
    for (Wire.Download download : downloads) {
      var file = checked(download, files.size());
      if (file.isLeft()) {
        return Either.left(file.getLeft());
      }
      files.add(file.get());
    }
    return Either.right(files);
  }

  private static Either<RemoteFailure, File> checked(
      Wire.@Nullable Download download, int position) {
    if (download == null) {
      return malformed("file " + position + " of the list is empty");
    }
    String name = entryName(download.fileName());
    if (name.isEmpty()) {
      return malformed("file " + position + " has no name");
    }
    long size;
    try {
      size = Long.parseLong(text(download.fileSize()));
    } catch (NumberFormatException unreadable) {
      return malformed("file " + position + " has no readable size");
    }
    byte[] md5;
    try {
      md5 = Base64.getDecoder().decode(text(download.md5()));
    } catch (IllegalArgumentException unreadable) {
      return malformed("file " + position + " has no readable MD5");
    }
    if (size < 0 || md5.length != MD5_BYTES) {
      return malformed("file " + position + " has no usable size or MD5");
    }
    URI url;
    try {
      url = URI.create(text(download.downloadUrl()));
    } catch (IllegalArgumentException unreadable) {
      return malformed("file " + position + " has no readable download URL");
    }
    if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
        || url.getHost() == null) {
      return malformed("file " + position + " has no http download URL");
    }
    long expires = download.urlExpire() == null ? Long.MAX_VALUE : download.urlExpire();
    return Either.right(new File(name, size, HexFormat.of().formatHex(md5), expires, url));
  }

  /** The file's own name, without any folder: an archive entry never points outside. */
  private static String entryName(@Nullable String fileName) {
    String name = text(fileName);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    return name.equals("..") || name.equals(".") ? "" : name;
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException("every JDK has MD5", missing);
    }
  }

  private static <T> Either<RemoteFailure, T> malformed(String message) {
    return Either.left(new RemoteFailure.Malformed(message));
  }
}

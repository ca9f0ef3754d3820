package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Issued documents as files in a directory, one per request, sealed with the data keys while they
 * stream and readable by their owner only. An upload streams into a temporary file in the same
 * directory while its SHA-256 and size (of the document, not of its sealed form) are computed; a
 * commit syncs it to disk and renames it over the request's file atomically, so a reader sees the
 * old document or the new one, never a part. Nothing is held whole in memory.
 *
 * <p>File names are the hexadecimal form of the request id, so ids that differ only in case stay
 * apart on case-insensitive file systems (macOS).
 */
final class FileDocumentStore implements DocumentStore {
  private static final String SUFFIX = ".doc";
  private static final String PARTIAL = ".part";

  /**
   * What a sealed document starts with; documents stored before sealing start with a ZIP's "PK".
   */
  private static final byte[] SEALED = "SPD1".getBytes(StandardCharsets.US_ASCII);

  private final Path directory;
  private final LiveKeys keys;

  FileDocumentStore(Path directory, LiveKeys keys) {
    this.directory = directory;
    this.keys = keys;
  }

  /** Where the document of a request is kept in a documents directory. */
  static Path fileOf(Path directory, RequestId id) {
    return directory.resolve(
        HexFormat.of().formatHex(id.value().getBytes(StandardCharsets.US_ASCII)) + SUFFIX);
  }

  private Path fileOf(RequestId id) {
    return fileOf(directory, id);
  }

  /**
   * The lock file that replacing or deleting a document takes, beside the folder so that the folder
   * holds documents only.
   */
  private Path lock() {
    Path absolute = directory.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".lock");
  }

  @Override
  public Either<StorageFailure, Upload> begin(RequestId id, String name) {
    Path partial = directory.resolve(UUID.randomUUID() + PARTIAL);
    try {
      OwnerOnly.createDirectories(directory);
      OutputStream file =
          Files.newOutputStream(OwnerOnly.createFile(partial), StandardOpenOption.WRITE);
      try {
        file.write(SEALED);
        return Either.right(
            new FileUpload(id, name, partial, keys.current().sealing(file, context(id)), sha256()));
      } catch (IOException | RuntimeException unsealed) {
        file.close();
        throw unsealed;
      }
    } catch (IOException | RuntimeException failure) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // A leftover .part file is never read.
      }
      return Either.left(failure("begin a document for request " + id, failure));
    }
  }

  @Override
  public Either<StorageFailure, Option<InputStream>> open(RequestId id) {
    try {
      return Either.right(Option.some(opened(id, Files.newInputStream(fileOf(id)))));
    } catch (NoSuchFileException missing) {
      return Either.right(Option.none());
    } catch (IOException | RuntimeException failure) {
      return Either.left(failure("open the document of request " + id, failure));
    }
  }

  /** The document as it was stored: opened with the data keys, or as it is if stored before. */
  private InputStream opened(RequestId id, InputStream file) throws IOException {
    try {
      byte[] start = file.readNBytes(SEALED.length);
      if (Arrays.equals(start, SEALED)) {
        return keys.current().opening(file, context(id));
      }
      return new SequenceInputStream(new ByteArrayInputStream(start), file);
    } catch (IOException | RuntimeException unreadable) {
      file.close();
      throw unreadable;
    }
  }

  /** A sealed document opens only as the document of the request it was stored for. */
  private static byte[] context(RequestId id) {
    return ("document:" + id.value()).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Seals a request's document again with the current key when an older key sealed it, or none did.
   * The document streams into a new file beside it, which takes its place only if the document was
   * not replaced or deleted meanwhile: a document stored while this one was being sealed again is
   * kept. The check and the move happen under the folder's lock file, which every replacement and
   * deletion takes, so this holds for instances sharing the folder too.
   *
   * @return whether the document was sealed again
   */
  Either<StorageFailure, Boolean> reseal(RequestId id) {
    Path file = fileOf(id);
    Path partial = directory.resolve(UUID.randomUUID() + PARTIAL);
    try {
      @Nullable Object before = FileIdentity.of(file);
      if (before == null || sealedWithCurrentKey(file)) {
        return Either.right(false);
      }
      try (InputStream in = opened(id, Files.newInputStream(file));
          OutputStream out =
              Files.newOutputStream(OwnerOnly.createFile(partial), StandardOpenOption.WRITE)) {
        out.write(SEALED);
        try (OutputStream sealing = keys.current().sealing(out, context(id))) {
          in.transferTo(sealing);
        }
      }
      DurableFiles.sync(partial);
      return Either.right(
          DurableFiles.exclusively(
              lock(),
              () -> {
                if (!before.equals(FileIdentity.of(file))) {
                  return false;
                }
                DurableFiles.replace(partial, file);
                return true;
              }));
    } catch (IOException | RuntimeException failure) {
      return Either.left(failure("seal again the document of request " + id, failure));
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // A leftover .part file is never read.
      }
    }
  }

  /** Whether the file starts as a document sealed with the current key does. */
  private boolean sealedWithCurrentKey(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SEALED.length), SEALED)
          && DataKeys.keyOf(in) == keys.current().currentDocumentKey();
    }
  }

  @Override
  public Either<StorageFailure, Boolean> delete(RequestId id) {
    try {
      return Either.right(DurableFiles.exclusively(lock(), () -> Files.deleteIfExists(fileOf(id))));
    } catch (IOException | RuntimeException failure) {
      return Either.left(failure("delete the document of request " + id, failure));
    }
  }

  private static StorageFailure failure(String operation, Exception failure) {
    return new StorageFailure.Unavailable(
        operation + " failed (" + failure.getClass().getSimpleName() + ")");
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      // Every JDK ships SHA-256.
      throw new IllegalStateException(impossible);
    }
  }

  /** One document being written: counted and hashed on the way to a temporary file. */
  private final class FileUpload implements Upload {
    private final RequestId id;
    private final String name;
    private final Path partial;
    private final MessageDigest digest;
    private final CountingStream stream;
    private boolean finished;

    FileUpload(RequestId id, String name, Path partial, OutputStream file, MessageDigest digest) {
      this.id = id;
      this.name = name;
      this.partial = partial;
      this.digest = digest;
      this.stream = new CountingStream(new DigestOutputStream(file, digest));
    }

    @Override
    public OutputStream stream() {
      return stream;
    }

    @Override
    public synchronized Either<StorageFailure, DocumentRef> commit() {
      if (finished) {
        return Either.left(
            new StorageFailure.Unavailable(
                "the document upload for request " + id + " was already finished"));
      }
      finished = true;
      try {
        stream.closeFile();
        DurableFiles.sync(partial);
        DurableFiles.exclusively(
            lock(),
            () -> {
              DurableFiles.replace(partial, fileOf(id));
              return true;
            });
        return Either.right(
            new DocumentRef(name, stream.count(), HexFormat.of().formatHex(digest.digest())));
      } catch (IOException | RuntimeException failure) {
        discard();
        return Either.left(failure("store the document of request " + id, failure));
      }
    }

    @Override
    public synchronized void abort() {
      if (!finished) {
        finished = true;
        discard();
      }
    }

    private void discard() {
      try {
        stream.closeFile();
      } catch (IOException ignored) {
        // The file is deleted next; a failed close changes nothing.
      }
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // A leftover .part file is harmless: it is never read, and the next start may remove it.
      }
    }
  }

  /**
   * Counts what passes; closing it does not commit (the port says so), it only stops writing.
   * Writes go straight through: no byte array is copied or buffered here.
   */
  private static final class CountingStream extends FilterOutputStream {
    private long count;
    private boolean closed;

    CountingStream(OutputStream target) {
      super(target);
    }

    @Override
    public void write(int b) throws IOException {
      ensureOpen();
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      ensureOpen();
      out.write(bytes, offset, length);
      count += length;
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    synchronized void closeFile() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }

    long count() {
      return count;
    }

    private void ensureOpen() throws IOException {
      if (closed) {
        throw new IOException("the upload is finished");
      }
    }
  }
}

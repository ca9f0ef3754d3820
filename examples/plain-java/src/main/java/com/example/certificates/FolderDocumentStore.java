package com.example.certificates;

import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Our own {@link DocumentStore}: each request's document lies in a folder of its own, {@code
 * <root>/<request id>/<archive name>}, where our archiving job picks it up. It is written to a
 * temporary file first, forced to the disk and moved into place on commit, so nobody ever sees half
 * a document, not even after a crash. Documents are kept as upstream issued them, unsealed: the
 * folder's permissions (or the disk's encryption) are what protect them.
 */
public final class FolderDocumentStore implements DocumentStore {
  /** An archive name is a plain file name: it comes from upstream and must not leave its folder. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Path root;

  /** Keeps the documents under {@code root}, created when the first one arrives. */
  public FolderDocumentStore(Path root) {
    this.root = root;
  }

  @Override
  public Either<StorageFailure, Upload> begin(RequestId id, String name) {
    if (!FILE_NAME.matcher(name).matches()) {
      return Either.left(new StorageFailure.Unavailable("not a plain file name: " + name));
    }
    try {
      Files.createDirectories(root);
      Path partial = Files.createTempFile(root, id.value() + "-", ".partial");
      DigestOutputStream stream =
          new DigestOutputStream(
              Files.newOutputStream(partial), MessageDigest.getInstance("SHA-256"));
      return Either.right(new FolderUpload(root.resolve(id.value()), name, partial, stream));
    } catch (IOException failure) {
      return Either.left(unavailable("start a document", failure));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has SHA-256", impossible);
    }
  }

  @Override
  public Either<StorageFailure, Option<InputStream>> open(RequestId id) {
    try {
      Option<Path> document = files(root.resolve(id.value())).headOption();
      return Either.right(
          document.isEmpty() ? Option.none() : Option.some(Files.newInputStream(document.get())));
    } catch (IOException failure) {
      return Either.left(unavailable("open a document", failure));
    }
  }

  @Override
  public Either<StorageFailure, Boolean> delete(RequestId id) {
    Path folder = root.resolve(id.value());
    try {
      List<Path> documents = files(folder);
      for (Path document : documents) {
        Files.delete(document);
      }
      Files.deleteIfExists(folder);
      return Either.right(!documents.isEmpty());
    } catch (IOException failure) {
      return Either.left(unavailable("delete a document", failure));
    }
  }

  /** The files in a request's folder: none, or its one document. */
  private static List<Path> files(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.empty();
    }
    try (Stream<Path> listed = Files.list(folder)) {
      return List.ofAll(listed.toList());
    }
  }

  private static void force(Path written, StandardOpenOption openAs) throws IOException {
    try (FileChannel channel = FileChannel.open(written, openAs)) {
      channel.force(true);
    }
  }

  private static StorageFailure unavailable(String what, IOException failure) {
    return new StorageFailure.Unavailable(
        "cannot " + what + ": " + failure.getClass().getSimpleName());
  }

  /** A document on its way into {@code folder}. */
  private record FolderUpload(Path folder, String name, Path partial, DigestOutputStream digesting)
      implements Upload {

    @Override
    public OutputStream stream() {
      return digesting;
    }

    @Override
    public Either<StorageFailure, DocumentRef> commit() {
      try {
        digesting.close();
        force(partial, StandardOpenOption.WRITE); // the content is on the disk before its name
        Files.createDirectories(folder);
        Path document = folder.resolve(name);
        // A new document replaces the earlier one, which may have had another name: that one goes
        // first, so that a folder never holds two.
        for (Path earlier : files(folder).remove(document)) {
          Files.delete(earlier);
        }
        Files.move(
            partial, document, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        force(folder, StandardOpenOption.READ); // and so is the move, before it is recorded
        String sha256 = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        return Either.right(new DocumentRef(name, Files.size(document), sha256));
      } catch (IOException failure) {
        abort();
        return Either.left(unavailable("store a document", failure));
      }
    }

    @Override
    public void abort() {
      try {
        digesting.close();
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // Only a temporary file is left behind; the next start of the same request writes a new
        // one.
      }
    }
  }
}

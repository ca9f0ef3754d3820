package dev.sportello.application.testing;

import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents in memory. Bytes written to an upload stay invisible until it is committed; the commit
 * computes the size and SHA-256 the way a real store must.
 */
public final class InMemoryDocumentStore implements DocumentStore {
  private final ConcurrentHashMap<RequestId, Tuple2<DocumentRef, byte[]>> documents =
      new ConcurrentHashMap<>();

  @Override
  public Either<StorageFailure, Upload> begin(RequestId id, String name) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    return Either.right(
        new Upload() {
          @Override
          public OutputStream stream() {
            return buffer;
          }

          @Override
          public Either<StorageFailure, DocumentRef> commit() {
            byte[] bytes = buffer.toByteArray();
            DocumentRef ref = new DocumentRef(name, bytes.length, sha256(bytes));
            documents.put(id, Tuple.of(ref, bytes));
            return Either.right(ref);
          }

          @Override
          public void abort() {
            buffer.reset();
          }
        });
  }

  @Override
  public Either<StorageFailure, Option<InputStream>> open(RequestId id) {
    return Either.right(
        Option.of(documents.get(id)).map(stored -> new ByteArrayInputStream(stored._2)));
  }

  @Override
  public Either<StorageFailure, Boolean> delete(RequestId id) {
    return Either.right(documents.remove(id) != null);
  }

  /** How many documents are stored. */
  public int size() {
    return documents.size();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException impossible) {
      // Every JDK ships SHA-256.
      throw new IllegalStateException(impossible);
    }
  }
}

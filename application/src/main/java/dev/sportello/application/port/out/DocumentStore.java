package dev.sportello.application.port.out;

import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.InputStream;
import java.io.OutputStream;

/** Keeps issued documents, streamed in and out; a document is never held whole in memory. */
public interface DocumentStore {

  /**
   * Starts writing a request's document; nothing is visible until {@link Upload#commit()}.
   *
   * @param id the request
   * @param name the document's file name, as upstream gave it
   * @return the upload to write to, or why the store failed
   */
  Either<StorageFailure, Upload> begin(RequestId id, String name);

  /**
   * Opens a request's stored document for reading; the caller closes the stream.
   *
   * @param id the request
   * @return the document's bytes, none when none is stored, or why the store failed
   */
  Either<StorageFailure, Option<InputStream>> open(RequestId id);

  /**
   * Deletes a request's document, if there is one.
   *
   * @param id the request
   * @return whether there was a document, or why the store failed
   */
  Either<StorageFailure, Boolean> delete(RequestId id);

  /** A document being written. */
  interface Upload {
    /**
     * Where the bytes go. Closing it does not commit.
     *
     * @return the stream to write the document's bytes to
     */
    OutputStream stream();

    /**
     * Makes the document visible, replacing any earlier one, and says what was stored.
     *
     * @return what was stored, or why the store failed
     */
    Either<StorageFailure, DocumentRef> commit();

    /** Throws the written bytes away. */
    void abort();
  }
}

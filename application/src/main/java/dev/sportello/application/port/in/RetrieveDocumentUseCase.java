package dev.sportello.application.port.in;

import dev.sportello.domain.request.DocumentRef;
import io.vavr.control.Either;
import java.io.InputStream;
import java.util.Objects;

/**
 * Gives a request's issued document: fetched from upstream once, stored, then served from the store
 * as a stream.
 */
public interface RetrieveDocumentUseCase {

  /**
   * Opens the request's document, fetching it from upstream first when it is not stored yet.
   *
   * @param query the caller and the request's id
   * @return the open document, or NotReady until one is issued, or why not
   */
  Either<UseCaseError, RetrievedDocument> retrieve(RequestQuery query);

  /**
   * An open document; the caller closes the stream.
   *
   * @param ref what is stored
   * @param content the ZIP archive's bytes
   */
  record RetrievedDocument(DocumentRef ref, InputStream content) {
    /** Checks that every component is given. */
    public RetrievedDocument {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(content, "content");
    }
  }
}

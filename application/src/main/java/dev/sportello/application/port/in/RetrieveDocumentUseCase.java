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

  Either<UseCaseError, RetrievedDocument> retrieve(RequestQuery query);

  /**
   * An open document; the caller closes the stream.
   *
   * @param ref what is stored
   * @param content the ZIP archive's bytes
   */
  record RetrievedDocument(DocumentRef ref, InputStream content) {
    public RetrievedDocument {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(content, "content");
    }
  }
}

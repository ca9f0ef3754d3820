package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/** Lists a caller's requests, newest first, a page at a time. */
public interface ListRequestsUseCase {

  /**
   * Lists one page of the caller's requests that match.
   *
   * @param query the caller, the filters, the cursor and the page size
   * @return the page, or why the query was refused or could not be answered
   */
  Either<UseCaseError, RequestListing> list(ListRequestsQuery query);

  /**
   * One page.
   *
   * @param requests the requests on it
   * @param nextCursor the opaque cursor of the next page, or empty on the last one
   */
  record RequestListing(List<CertificateRequest> requests, Option<String> nextCursor) {
    /** Checks that every component is given. */
    public RequestListing {
      Objects.requireNonNull(requests, "requests");
      Objects.requireNonNull(nextCursor, "nextCursor");
    }
  }
}

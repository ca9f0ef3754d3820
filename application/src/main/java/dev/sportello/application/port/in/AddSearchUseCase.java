package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * Starts another search round on a request of a product with a search phase (upstream charges the
 * search).
 */
public interface AddSearchUseCase {

  /**
   * Sends another search with new values; upstream charges it, and the caller's spending caps count
   * it.
   *
   * @param command the request and the new search values
   * @return the request as stored afterwards, or why nothing was done
   */
  Either<UseCaseError, CertificateRequest> addSearch(AddSearchCommand command);

  /**
   * A new search.
   *
   * @param request which request
   * @param values the new search values by wire key
   */
  record AddSearchCommand(RequestQuery request, Map<String, String> values) {
    /** Checks that every component is given. */
    public AddSearchCommand {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(values, "values");
    }

    @Override
    public String toString() {
      return "AddSearchCommand[request="
          + request
          + ", keys="
          + values.keySet().mkString(",")
          + "]";
    }
  }
}

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

  Either<UseCaseError, CertificateRequest> addSearch(AddSearchCommand command);

  /**
   * A new search.
   *
   * @param request which request
   * @param values the new search values by wire key
   */
  record AddSearchCommand(RequestQuery request, Map<String, String> values) {
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

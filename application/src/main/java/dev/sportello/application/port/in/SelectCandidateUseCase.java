package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;
import java.util.Objects;

/** Picks a candidate of the latest search round; upstream then produces the document. */
public interface SelectCandidateUseCase {

  /**
   * Chooses a candidate; upstream charges the document.
   *
   * @param command the request, the search round and the candidate's index
   * @return the request as stored afterwards, or why nothing was done
   */
  Either<UseCaseError, CertificateRequest> select(SelectCandidateCommand command);

  /**
   * A choice.
   *
   * @param request which request
   * @param searchId the search round, as shown with the request
   * @param index the candidate's index in that round
   */
  record SelectCandidateCommand(RequestQuery request, String searchId, int index) {
    /** Checks that every component is given. */
    public SelectCandidateCommand {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(searchId, "searchId");
    }
  }
}

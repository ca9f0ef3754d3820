package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;
import java.util.Objects;

/** Cancels a request that is not finished, with a reason. */
public interface CancelRequestUseCase {

  /**
   * Cancels the request, upstream too when it was sent.
   *
   * @param command the request and the reason
   * @return the request as stored afterwards, or why nothing was done
   */
  Either<UseCaseError, CertificateRequest> cancel(CancelRequestCommand command);

  /**
   * A cancellation.
   *
   * @param request which request
   * @param reason why, for the record and for upstream
   */
  record CancelRequestCommand(RequestQuery request, String reason) {
    /** Checks that every component is given. */
    public CancelRequestCommand {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(reason, "reason");
    }
  }
}

package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;

/** Reads one request as stored (no upstream call). */
public interface GetRequestUseCase {

  /**
   * Reads the request as stored.
   *
   * @param query the caller and the request's id
   * @return the request, or NotFound when it does not exist or is another caller's
   */
  Either<UseCaseError, CertificateRequest> get(RequestQuery query);
}

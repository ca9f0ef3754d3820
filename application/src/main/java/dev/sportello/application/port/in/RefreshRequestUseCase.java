package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;

/** Re-reads one request from upstream now (one call) and stores what changed. */
public interface RefreshRequestUseCase {

  /**
   * Reads the request from upstream now and stores what changed.
   *
   * @param query the caller and the request's id
   * @return the request as stored afterwards, or why nothing was done
   */
  Either<UseCaseError, CertificateRequest> refresh(RequestQuery query);
}

package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;

/** Re-reads one request from upstream now (one call) and stores what changed. */
public interface RefreshRequestUseCase {

  Either<UseCaseError, CertificateRequest> refresh(RequestQuery query);
}

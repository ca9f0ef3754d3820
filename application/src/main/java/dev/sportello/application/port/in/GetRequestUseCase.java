package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;

/** Reads one request as stored (no upstream call). */
public interface GetRequestUseCase {

  Either<UseCaseError, CertificateRequest> get(RequestQuery query);
}

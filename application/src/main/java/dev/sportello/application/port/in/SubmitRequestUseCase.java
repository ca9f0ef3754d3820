package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;

/**
 * Orders a certificate: checks locally (a refused submission costs nothing), stores the request,
 * creates an upstream draft and closes it (the one charging call). A request is recorded whenever
 * the checks pass, even when upstream then refuses it ({@code REJECTED}) or cannot be reached (it
 * stays {@code ACCEPTED} and the sync cycle sends it).
 */
public interface SubmitRequestUseCase {

  /**
   * Orders the certificate once per idempotency key.
   *
   * @param command the caller, the idempotency key and what was filled in
   * @return the request (the same one for a repeat of the same order), or why nothing was ordered
   */
  Either<UseCaseError, CertificateRequest> submit(SubmitRequestCommand command);
}

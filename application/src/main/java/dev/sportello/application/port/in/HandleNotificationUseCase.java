package dev.sportello.application.port.in;

import dev.sportello.domain.request.CertificateRequest;
import io.vavr.control.Either;

/**
 * Handles an upstream notification. Its body is never trusted: the token in the webhook URL names a
 * request, and that request is re-read from upstream.
 */
public interface HandleNotificationUseCase {

  /**
   * Re-reads the request the token names.
   *
   * @param token the token from the webhook URL
   * @return the request as re-read, or {@link UseCaseError.NotFound} for a token that names no
   *     request
   */
  Either<UseCaseError, CertificateRequest> handle(String token);
}

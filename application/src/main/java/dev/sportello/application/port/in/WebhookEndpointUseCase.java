package dev.sportello.application.port.in;

import dev.sportello.domain.webhook.WebhookEndpoint;
import io.vavr.control.Either;

/**
 * A caller's one webhook endpoint: where its requests' status changes and ready documents are sent,
 * signed with a secret only the caller and the service know.
 */
public interface WebhookEndpointUseCase {

  /**
   * Registers the caller's endpoint, in place of any before it, with a new signing secret. The
   * secret of an endpoint it replaces keeps signing alongside the new one for the rotation overlap,
   * as after {@link #rotateSecret}, so that a retried request whose first answer was lost leaves
   * the caller with a secret that still verifies. Pending deliveries go to the new URL.
   *
   * @param command the caller and the URL
   * @return the endpoint with its new secret, or why it was refused
   */
  Either<UseCaseError, EndpointWithSecret> register(RegisterEndpointCommand command);

  /**
   * The caller's endpoint, without its secret; {@link UseCaseError.NotFound} when it has none.
   *
   * @param caller whose endpoint
   * @return the endpoint, or why it cannot be read
   */
  Either<UseCaseError, WebhookEndpoint> endpoint(String caller);

  /**
   * Removes the caller's endpoint and gives up its pending deliveries; answers the removed
   * endpoint, or {@link UseCaseError.NotFound} when it has none.
   *
   * @param caller whose endpoint
   * @return the removed endpoint, or why it was not removed
   */
  Either<UseCaseError, WebhookEndpoint> remove(String caller);

  /**
   * Gives the caller's endpoint a new signing secret. The secret it replaces keeps signing
   * alongside the new one (a second {@code v1} signature) for the rotation overlap of the settings,
   * so that the receiver can switch without rejecting a message.
   *
   * @param caller whose endpoint
   * @return the endpoint with its new secret, or why it was not rotated
   */
  Either<UseCaseError, EndpointWithSecret> rotateSecret(String caller);
}

package dev.sportello.application.port.out;

import dev.sportello.domain.webhook.WebhookSecret;

/**
 * Hands out new webhook signing secrets, drawn from a secure random source; given to the webhook
 * use cases by whoever builds them, as {@link RequestIds} is.
 */
public interface WebhookSecrets {

  /**
   * A new secret, never handed out before and not guessable from any other.
   *
   * @return the secret
   */
  WebhookSecret next();
}

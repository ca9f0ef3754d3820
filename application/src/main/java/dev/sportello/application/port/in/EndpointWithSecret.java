package dev.sportello.application.port.in;

import dev.sportello.domain.webhook.WebhookEndpoint;
import dev.sportello.domain.webhook.WebhookSecret;
import java.util.Objects;

/**
 * An endpoint with its newly generated signing secret: the one time the secret is shown.
 *
 * @param endpoint the endpoint
 * @param secret the secret its messages are signed with from now on
 */
public record EndpointWithSecret(WebhookEndpoint endpoint, WebhookSecret secret) {
  /** Checks that every component is given. */
  public EndpointWithSecret {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(secret, "secret");
  }
}

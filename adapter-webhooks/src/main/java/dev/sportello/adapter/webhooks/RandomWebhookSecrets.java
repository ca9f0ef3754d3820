package dev.sportello.adapter.webhooks;

import dev.sportello.application.port.out.WebhookSecrets;
import dev.sportello.domain.webhook.WebhookSecret;
import java.security.SecureRandom;

/** Signing secrets of 32 bytes from a {@link SecureRandom}. */
final class RandomWebhookSecrets implements WebhookSecrets {
  private final SecureRandom random = new SecureRandom();

  @Override
  public WebhookSecret next() {
    byte[] key = new byte[WebhookSecret.GENERATED_BYTES];
    random.nextBytes(key);
    return WebhookSecret.of(key);
  }
}

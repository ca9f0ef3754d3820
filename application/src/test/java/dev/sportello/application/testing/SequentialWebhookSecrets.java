package dev.sportello.application.testing;

import dev.sportello.application.port.out.WebhookSecrets;
import dev.sportello.domain.webhook.WebhookSecret;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/** Signing secrets made from a counter: different every time, and the same in every test run. */
public final class SequentialWebhookSecrets implements WebhookSecrets {
  private final AtomicLong counter = new AtomicLong();

  @Override
  public WebhookSecret next() {
    return WebhookSecret.of(
        ByteBuffer.allocate(WebhookSecret.GENERATED_BYTES)
            .putLong(counter.incrementAndGet())
            .array());
  }
}

package dev.sportello.application.port.out;

import dev.sportello.domain.webhook.WebhookDelivery;
import java.util.Objects;

/** What a request to replay a delivery did. */
public sealed interface ReplayResult {

  /**
   * The delivery is queued again.
   *
   * @param delivery the delivery as queued
   */
  record Queued(WebhookDelivery delivery) implements ReplayResult {
    /** Checks that every component is given. */
    public Queued {
      Objects.requireNonNull(delivery, "delivery");
    }
  }

  /** The delivery is still pending; it was left as it is. */
  record StillPending() implements ReplayResult {}

  /** The caller has no such delivery. */
  record Unknown() implements ReplayResult {}
}

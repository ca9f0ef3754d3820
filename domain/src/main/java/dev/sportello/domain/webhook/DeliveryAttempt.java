package dev.sportello.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt to deliver a webhook message.
 *
 * @param at when it was made
 * @param result what became of it
 */
public record DeliveryAttempt(Instant at, SendResult result) {
  /** Checks that every component is given. */
  public DeliveryAttempt {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(result, "result");
  }
}

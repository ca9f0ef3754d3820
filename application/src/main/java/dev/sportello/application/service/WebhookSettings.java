package dev.sportello.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How outbound webhooks are delivered.
 *
 * @param batchSize how many due deliveries one run claims at most, 1 to 500
 * @param lease how long a claimed delivery is left to its worker before another may take it up; a
 *     send starts only in the first half of the lease, so the sender's timeout must be shorter than
 *     half of it
 * @param rotationOverlap how long a rotated-out signing secret keeps signing alongside the new one
 */
public record WebhookSettings(int batchSize, Duration lease, Duration rotationOverlap) {
  /** The most deliveries one run claims. */
  public static final int MAX_BATCH_SIZE = 500;

  /** Checks the batch size, that the lease is positive and that the overlap is not negative. */
  public WebhookSettings {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(rotationOverlap, "rotationOverlap");
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH_SIZE + " deliveries");
    }
    if (lease.isNegative() || lease.isZero() || rotationOverlap.isNegative()) {
      throw new IllegalArgumentException("the lease must be positive, the overlap not negative");
    }
  }

  /**
   * Batches of 50, a 5-minute lease, a day of overlap after a rotation.
   *
   * @return the default settings
   */
  public static WebhookSettings defaults() {
    return new WebhookSettings(50, Duration.ofMinutes(5), Duration.ofHours(24));
  }
}

package dev.sportello.adapter.openapi;

import java.time.Duration;
import java.util.Objects;

/**
 * How calls that are safe to repeat (reads, and whatever else an engine knows to be safe) are
 * repeated after a transport error, a 429 or a 5xx. The wait doubles from {@code initialBackoff} up
 * to {@code maxBackoff}; a {@code Retry-After} longer than the backoff is honoured, and one longer
 * than {@code maxBackoff} ends the retries. Calls that could charge twice are never repeated.
 *
 * @param maxAttempts how many times a call is made at most, the first included
 * @param initialBackoff the wait before the second attempt
 * @param maxBackoff the longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /** Three attempts, 200 ms then 400 ms apart, never waiting more than 5 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));

  /** Every call is made once. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  /**
   * Checks that there is at least one attempt and that the backoffs are not negative and ordered.
   */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoffs must be non-negative and ordered");
    }
  }
}

package dev.sportello.adapter.openapi;

import feign.RetryableException;
import feign.Retryer;
import java.time.Clock;

/**
 * Repeats a call that is safe to repeat, waiting exponentially longer each time up to a cap, and
 * never before the time a {@code Retry-After} names; a {@code Retry-After} beyond the cap ends the
 * retries. Used only by the client of safe calls; the client of changing calls never retries.
 */
final class BackoffRetryer implements Retryer {
  private final RetryPolicy policy;
  private final Clock clock;
  private final OpenapiClients.Sleeper sleeper;
  private int attempt = 1;

  BackoffRetryer(RetryPolicy policy, Clock clock, OpenapiClients.Sleeper sleeper) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    if (attempt >= policy.maxAttempts()) {
      throw e;
    }
    long cap = policy.maxBackoff().toMillis();
    long wait = Math.min(cap, policy.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
    Long retryAfter = e.retryAfter();
    if (retryAfter != null) {
      long asked = retryAfter - clock.millis();
      if (asked > cap) {
        throw e;
      }
      wait = Math.max(wait, asked);
    }
    attempt++;
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  @Override
  @SuppressWarnings("MethodDoesntCallSuperMethod") // a fresh retryer for each call
  public Retryer clone() {
    return new BackoffRetryer(policy, clock, sleeper);
  }
}

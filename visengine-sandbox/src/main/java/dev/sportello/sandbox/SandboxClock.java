package dev.sportello.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's notion of "now": the wall clock plus an offset that tests (and the control API) can
 * push forward, so the request lifecycle and callback retries run without waiting.
 */
final class SandboxClock {

  private final Clock wallClock;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  SandboxClock(Clock wallClock) {
    this.wallClock = wallClock;
  }

  Instant now() {
    return wallClock.instant().plus(offset.get());
  }

  void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    offset.accumulateAndGet(amount, Duration::plus);
  }
}

package dev.sportello.application.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  /** A clock at a fixed, recognisable moment. */
  public static MutableClock atTestEpoch() {
    return new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
  }

  public synchronized void advance(Duration step) {
    now = now.plus(step);
  }

  public synchronized void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The zone is fixed: the application works in instants only. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}

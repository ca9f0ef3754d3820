package dev.sportello.adapter.account;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, checking it often, up to a bound that is no expected wait. */
final class Await {
  private static final Duration BOUND = Duration.ofSeconds(20);

  private Await() {}

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + BOUND + ": " + what);
      }
      Thread.sleep(20);
    }
  }
}

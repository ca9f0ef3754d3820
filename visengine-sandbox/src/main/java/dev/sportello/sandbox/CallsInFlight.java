package dev.sportello.sandbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The API calls being served right now, so that a test can wait for a slow one to end instead of
 * sleeping for as long as it might take.
 */
final class CallsInFlight {
  private final Object lock = new Object();
  private int serving;

  void started() {
    synchronized (lock) {
      serving++;
    }
  }

  void ended() {
    synchronized (lock) {
      serving--;
      lock.notifyAll();
    }
  }

  /** Waits until no call is being served, at most the limit; says whether that happened. */
  boolean awaitNone(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (lock) {
      while (serving > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }
}

package dev.sportello.adapter.console;

import io.vavr.control.Option;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live streams open at once, bounded per session, per caller and overall: one browser cannot
 * open more than a few, and one API key, however many sessions it signs in, cannot take every
 * stream from the others. A stream holds a slot from before it starts until it ends, however it
 * ends.
 */
final class StreamSlots {
  private final int perSession;
  private final int perCaller;
  private final int overall;

  /** Guarded by this. */
  private final Map<String, Integer> bySession = new HashMap<>();

  /** Guarded by this. */
  private final Map<String, Integer> byCaller = new HashMap<>();

  /** Guarded by this. */
  private int open;

  StreamSlots(int perSession, int perCaller, int overall) {
    this.perSession = perSession;
    this.perCaller = perCaller;
    this.overall = overall;
  }

  /** A slot for a stream of the session's, or none when a bound is reached. */
  synchronized Option<Slot> reserve(String sessionId, String caller) {
    if (open >= overall
        || bySession.getOrDefault(sessionId, 0) >= perSession
        || byCaller.getOrDefault(caller, 0) >= perCaller) {
      return Option.none();
    }
    open++;
    bySession.merge(sessionId, 1, Integer::sum);
    byCaller.merge(caller, 1, Integer::sum);
    return Option.some(new Slot(sessionId, caller));
  }

  private synchronized void free(String sessionId, String caller) {
    open--;
    bySession.computeIfPresent(sessionId, (id, count) -> count > 1 ? count - 1 : null);
    byCaller.computeIfPresent(caller, (id, count) -> count > 1 ? count - 1 : null);
  }

  /**
   * One stream's place. Every way a stream can end releases it, and only the first release counts,
   * so that no end is missed and none is counted twice.
   */
  final class Slot {
    private final String sessionId;
    private final String caller;
    private final AtomicBoolean released = new AtomicBoolean();

    private Slot(String sessionId, String caller) {
      this.sessionId = sessionId;
      this.caller = caller;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        free(sessionId, caller);
      }
    }
  }
}

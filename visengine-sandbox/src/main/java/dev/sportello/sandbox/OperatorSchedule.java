package dev.sportello.sandbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * One engine's operator steps still to come, for every request, in a priority queue by when they
 * are due: a tick costs the steps due (each a logarithm), not a scan of every request ever created,
 * which over a long fault campaign would grow with the square of the requests. Not thread-safe: it
 * is only touched under its simulator's lock.
 *
 * @param <R> a request (told apart from others by {@code equals})
 * @param <K> what a step does (the state it brings its request to)
 */
final class OperatorSchedule<R, K> {

  /** An operator step of one request, due at a point in (sandbox) time. */
  record Step<R, K>(R request, Instant due, K kind) {}

  /** A step as queued; {@code round} tells a step of a request whose steps were dropped since. */
  private record Entry<R, K>(Step<R, K> step, long order, long round) {}

  private final PriorityQueue<Entry<R, K>> queue =
      new PriorityQueue<>(
          Comparator.comparing((Entry<R, K> entry) -> entry.step().due())
              .thenComparingLong(Entry::order));
  private final Map<R, Integer> pending = new HashMap<>();
  private final Map<R, Long> rounds = new HashMap<>();
  private long added;

  void add(R request, Instant due, K kind) {
    queue.add(
        new Entry<>(new Step<>(request, due, kind), added++, rounds.getOrDefault(request, 0L)));
    pending.merge(request, 1, Integer::sum);
  }

  /** Drops every step the request has pending: it ended, or will end, other than by them. */
  void clear(R request) {
    if (pending.remove(request) != null) {
      // Its queued steps stay in the queue, recognised as dropped when their time comes.
      rounds.merge(request, 1L, Long::sum);
    }
  }

  boolean hasPending(R request) {
    return pending.containsKey(request);
  }

  /**
   * Takes the next step due at or before {@code now}: in due order, steps due together in the order
   * they were added.
   */
  Optional<Step<R, K>> takeDue(Instant now) {
    while (!queue.isEmpty() && !queue.element().step().due().isAfter(now)) {
      Entry<R, K> entry = queue.remove();
      R request = entry.step().request();
      if (entry.round() == rounds.getOrDefault(request, 0L)) {
        pending.computeIfPresent(request, (same, count) -> count == 1 ? null : count - 1);
        return Optional.of(entry.step());
      }
    }
    return Optional.empty();
  }
}

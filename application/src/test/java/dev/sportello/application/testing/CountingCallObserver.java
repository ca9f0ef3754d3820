package dev.sportello.application.testing;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.Engine;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Counts the calls the observer is told of, and the failed ones, by kind. */
public final class CountingCallObserver implements RemoteCallObserver {
  private final Map<RemoteCallKind, Long> calls = new EnumMap<>(RemoteCallKind.class);
  private final Map<RemoteCallKind, Long> failures = new EnumMap<>(RemoteCallKind.class);

  @Override
  public synchronized void called(
      Engine engine, RemoteCallKind kind, Option<RemoteFailure> failure, Duration latency) {
    calls.merge(kind, 1L, Long::sum);
    if (failure.isDefined()) {
      failures.merge(kind, 1L, Long::sum);
    }
  }

  public synchronized long calls(RemoteCallKind kind) {
    return calls.getOrDefault(kind, 0L);
  }

  public synchronized long failures(RemoteCallKind kind) {
    return failures.getOrDefault(kind, 0L);
  }

  public synchronized long total() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }
}

package dev.sportello.adapter.persistence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Opens migrated adapters for a test, and closes them all after it. */
final class OpenAdapters implements AutoCloseable {
  private final List<PersistenceAdapter> open = new ArrayList<>();

  PersistenceAdapter opened(PersistenceSettings settings) {
    return opened(settings, Clock.systemUTC());
  }

  PersistenceAdapter opened(PersistenceSettings settings, Clock clock) {
    PersistenceAdapter adapter =
        PersistenceAdapter.create(settings, clock)
            .getOrElseThrow(failure -> new IllegalStateException(failure.message()));
    open.add(adapter);
    adapter.migrate().getOrElseThrow(failure -> new IllegalStateException(failure.message()));
    return adapter;
  }

  @Override
  public void close() {
    open.forEach(PersistenceAdapter::close);
    open.clear();
  }
}

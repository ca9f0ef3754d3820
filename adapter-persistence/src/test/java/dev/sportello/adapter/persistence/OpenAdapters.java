package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.nio.file.Path;
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
    return migrated(PersistenceAdapter.create(settings, clock));
  }

  /** The H2 store an earlier version kept under the data directory, to import. */
  PersistenceAdapter openedEarlierH2Store(Path dataDirectory, Clock clock) {
    return migrated(PersistenceAdapter.earlierH2Store(dataDirectory, clock));
  }

  private PersistenceAdapter migrated(Either<StorageFailure, PersistenceAdapter> created) {
    PersistenceAdapter adapter =
        created.getOrElseThrow(failure -> new IllegalStateException(failure.message()));
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

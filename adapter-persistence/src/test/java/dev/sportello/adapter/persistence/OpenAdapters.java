package dev.sportello.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Opens migrated adapters for a test, and closes them all after it. */
class OpenAdapters implements AutoCloseable {
  private final List<AutoCloseable> open = new ArrayList<>();

  /**
   * Adapters on pools that the test lends them, as an application lends its own: each adapter gets
   * a pool of the size the settings name, closed after the adapter.
   */
  static OpenAdapters onLentPools() {
    return new OpenAdapters() {
      @Override
      Either<StorageFailure, PersistenceAdapter> create(PersistenceSettings settings, Clock clock) {
        HikariDataSource pool = PersistenceAdapter.pool(settings);
        lent(pool);
        return PersistenceAdapter.create(
            PersistenceSettings.lent(pool, settings.documentsDirectory())
                .withRetention(settings.retention())
                .withDataKey(settings.dataKey()),
            clock);
      }
    };
  }

  Either<StorageFailure, PersistenceAdapter> create(PersistenceSettings settings, Clock clock) {
    return PersistenceAdapter.create(settings, clock);
  }

  /** Keeps a pool open until the adapters opened after it are closed. */
  final void lent(HikariDataSource pool) {
    open.add(pool);
  }

  PersistenceAdapter opened(PersistenceSettings settings) {
    return opened(settings, Clock.systemUTC());
  }

  PersistenceAdapter opened(PersistenceSettings settings, Clock clock) {
    return migrated(create(settings, clock));
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

  /** Closes the adapters, and the pools lent to them, the last opened first. */
  @Override
  public void close() {
    for (AutoCloseable opened : open.reversed()) {
      try {
        opened.close();
      } catch (Exception failure) {
        throw new IllegalStateException(failure);
      }
    }
    open.clear();
  }
}

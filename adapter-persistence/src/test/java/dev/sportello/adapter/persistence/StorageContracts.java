package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.testing.CatalogSnapshotStoreContract;
import dev.sportello.application.testing.DocumentStoreContract;
import dev.sportello.application.testing.IdempotencyStoreContract;
import dev.sportello.application.testing.RequestRepositoryContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's storage contracts, each on a new, migrated database of one engine: the same
 * suite the in-memory fakes pass.
 */
abstract class StorageContracts {
  @TempDir Path directory;
  private final OpenAdapters adapters = new OpenAdapters();

  /** Settings for a new, empty database. */
  abstract PersistenceSettings newDatabase(Path directory);

  private PersistenceAdapter adapter() {
    return adapters.opened(newDatabase(directory));
  }

  private PersistenceAdapter adapter(Clock clock) {
    return adapters.opened(newDatabase(directory), clock);
  }

  @AfterEach
  void close() {
    adapters.close();
  }

  @Nested
  class Requests extends RequestRepositoryContract {
    @Override
    protected RequestRepository newRepository() {
      return adapter().requests();
    }
  }

  @Nested
  class IdempotencyKeys extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore newStore(Clock clock) {
      return adapter(clock).idempotency();
    }
  }

  @Nested
  class Catalogue extends CatalogSnapshotStoreContract {
    @Override
    protected CatalogSnapshotStore newStore() {
      return adapter().catalogue();
    }
  }

  @Nested
  class Documents extends DocumentStoreContract {
    @Override
    protected DocumentStore newStore() {
      return adapter().documents();
    }
  }
}

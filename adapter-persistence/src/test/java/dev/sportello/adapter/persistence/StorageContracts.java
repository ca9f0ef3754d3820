package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SyncLock;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.application.testing.CatalogSnapshotStoreContract;
import dev.sportello.application.testing.CredentialStoreContract;
import dev.sportello.application.testing.DocumentStoreContract;
import dev.sportello.application.testing.IdempotencyStoreContract;
import dev.sportello.application.testing.RequestRepositoryContract;
import dev.sportello.application.testing.SpendingLedgerContract;
import dev.sportello.application.testing.SyncLockContract;
import dev.sportello.application.testing.WebhookStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.mapstruct.factory.Mappers;

/**
 * The application's storage contracts and the sync lock's, each on a new, migrated database of one
 * database: the same suites the in-memory fakes pass. The contracts of what instances share (the
 * credentials, the sync lock) reach the database through two adapters, as two instances would.
 */
abstract class StorageContracts {
  @TempDir Path directory;
  private final OpenAdapters adapters = adapters();

  /** Settings for a new, empty database. */
  abstract PersistenceSettings newDatabase(Path directory);

  /** How the adapters reach their database: on pools of their own. */
  OpenAdapters adapters() {
    return new OpenAdapters();
  }

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
    @SuppressWarnings("NullAway.Init") // set with the repository
    private PersistenceAdapter opened;

    @Override
    protected RequestRepository newRepository() {
      opened = adapter();
      return opened.requests();
    }

    @Override
    protected WebhookStore webhookStore() {
      return opened.webhooks();
    }
  }

  @Nested
  class Webhooks extends WebhookStoreContract {
    @Override
    protected Stores newStores() {
      PersistenceAdapter opened = adapter();
      return new Stores(opened.webhooks(), opened.requests());
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
  class Spending extends SpendingLedgerContract {
    @Override
    protected SpendingLedger newLedger() {
      return adapter().spending();
    }
  }

  @Nested
  class SpendingSharedByInstances extends SharedSpendingLedgerContract {
    @Override
    Supplier<SpendingLedger> newLedgerSharedByInstances() {
      PersistenceSettings database = newDatabase(directory);
      return () -> adapters.opened(database).spending();
    }
  }

  @Nested
  class Catalogue extends CatalogSnapshotStoreContract {
    @Override
    protected CatalogSnapshotStore newStore() {
      return adapter().catalogue();
    }
  }

  /** The same contract on the rows alone, without the copy the adapter keeps in memory. */
  @Nested
  class CatalogueRows extends CatalogSnapshotStoreContract {
    @Override
    protected CatalogSnapshotStore newStore() {
      PersistenceSettings settings = newDatabase(directory);
      adapters.opened(settings);
      Jdbi jdbi = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
      return new JdbcCatalogSnapshotStore(
          new Database(jdbi, Dialect.of(settings.jdbcUrl()).get()),
          Mappers.getMapper(JsonMapping.class));
    }
  }

  @Nested
  class Documents extends DocumentStoreContract {
    @Override
    protected DocumentStore newStore() {
      return adapter().documents();
    }
  }

  @Nested
  class Credentials extends CredentialStoreContract {
    /** Each handle comes from another adapter on the same database, as another instance's. */
    @Override
    protected Supplier<CredentialStore> newStoreSharedByInstances() {
      PersistenceSettings database = newDatabase(directory);
      return () -> adapters.opened(database).credentials();
    }
  }

  @Nested
  class SyncLocks extends SyncLockContract {
    /** Each handle comes from another adapter on the same database, as another instance's. */
    @Override
    protected Supplier<SyncLock> newLockSharedByInstances() {
      PersistenceSettings database = newDatabase(directory);
      return () -> adapters.opened(database).syncLock();
    }
  }
}

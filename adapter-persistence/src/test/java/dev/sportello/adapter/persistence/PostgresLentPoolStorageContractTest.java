package dev.sportello.adapter.persistence;

import java.nio.file.Path;

/** The ports' contracts on PostgreSQL through pools the application lends the adapter. */
class PostgresLentPoolStorageContractTest extends StorageContracts {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return EmbeddedPostgresServer.newDatabase(directory);
  }

  @Override
  OpenAdapters adapters() {
    return OpenAdapters.onLentPools();
  }
}

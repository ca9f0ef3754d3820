package dev.sportello.adapter.persistence;

import java.nio.file.Path;

class PostgresStorageContractTest extends StorageContracts {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return EmbeddedPostgresServer.newDatabase(directory);
  }
}

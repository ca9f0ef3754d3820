package dev.sportello.adapter.persistence;

import java.nio.file.Path;

class SqliteStorageContractTest extends StorageContracts {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return PersistenceSettings.embedded(directory);
  }
}

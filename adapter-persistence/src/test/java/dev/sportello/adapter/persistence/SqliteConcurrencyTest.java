package dev.sportello.adapter.persistence;

import java.nio.file.Path;

class SqliteConcurrencyTest extends ConcurrencyTest {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return PersistenceSettings.embedded(directory);
  }
}

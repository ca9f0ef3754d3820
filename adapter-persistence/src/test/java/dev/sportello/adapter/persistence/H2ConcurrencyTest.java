package dev.sportello.adapter.persistence;

import java.nio.file.Path;

class H2ConcurrencyTest extends ConcurrencyTest {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return PersistenceSettings.embedded(directory);
  }
}

package dev.sportello.adapter.persistence;

import java.nio.file.Path;

class PostgresConcurrencyTest extends ConcurrencyTest {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return EmbeddedPostgresServer.newDatabase(directory);
  }
}

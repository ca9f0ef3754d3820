package dev.sportello.adapter.persistence;

import java.nio.file.Path;

class PostgresPersistenceAdapterTest extends PersistenceAdapterTest {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return EmbeddedPostgresServer.newDatabase(directory);
  }
}

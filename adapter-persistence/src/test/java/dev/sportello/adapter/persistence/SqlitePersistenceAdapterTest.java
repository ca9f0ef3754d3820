package dev.sportello.adapter.persistence;

import java.nio.file.Path;

class SqlitePersistenceAdapterTest extends PersistenceAdapterTest {
  @Override
  PersistenceSettings newDatabase(Path directory) {
    return PersistenceSettings.embedded(directory);
  }

  /** The baseline script (version 9) and version 10. */
  @Override
  int migrationsOfAnEmptyStore() {
    return 2;
  }
}

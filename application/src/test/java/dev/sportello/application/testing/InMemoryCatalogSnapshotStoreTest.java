package dev.sportello.application.testing;

import dev.sportello.application.port.out.CatalogSnapshotStore;

class InMemoryCatalogSnapshotStoreTest extends CatalogSnapshotStoreContract {
  @Override
  protected CatalogSnapshotStore newStore() {
    return new InMemoryCatalogSnapshotStore();
  }
}

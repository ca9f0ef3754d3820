package dev.sportello.application.testing;

import dev.sportello.application.port.out.DocumentStore;

class InMemoryDocumentStoreTest extends DocumentStoreContract {
  @Override
  protected DocumentStore newStore() {
    return new InMemoryDocumentStore();
  }
}

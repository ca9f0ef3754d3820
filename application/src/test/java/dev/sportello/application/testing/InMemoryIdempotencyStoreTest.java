package dev.sportello.application.testing;

import dev.sportello.application.port.out.IdempotencyStore;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  @Override
  protected IdempotencyStore newStore() {
    return new InMemoryIdempotencyStore();
  }
}

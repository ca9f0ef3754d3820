package dev.sportello.application.testing;

import dev.sportello.application.port.out.IdempotencyStore;
import java.time.Clock;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
  @Override
  protected IdempotencyStore newStore(Clock clock) {
    return new InMemoryIdempotencyStore(clock);
  }
}

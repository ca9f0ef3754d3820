package dev.sportello.application.testing;

import dev.sportello.application.port.out.CredentialStore;
import java.util.function.Supplier;

class InMemoryCredentialStoreTest extends CredentialStoreContract {
  @Override
  protected Supplier<CredentialStore> newStoreSharedByInstances() {
    CredentialStore store = new InMemoryCredentialStore();
    return () -> store;
  }
}

package com.example.certificates;

import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.testing.DocumentStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Our document store keeps the promises every document store makes. */
class FolderDocumentStoreTest extends DocumentStoreContract {
  @TempDir Path folder;

  @Override
  protected DocumentStore newStore() {
    return new FolderDocumentStore(folder);
  }
}

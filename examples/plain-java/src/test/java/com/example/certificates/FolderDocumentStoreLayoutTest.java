package com.example.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where our document store puts what it keeps, beyond the port's contract. */
class FolderDocumentStoreLayoutTest {
  private static final RequestId ID = new RequestId("req_42");

  @TempDir Path folder;

  @Test
  void aDocumentLiesInItsRequestsFolderUnderItsOwnName() throws IOException {
    store(new FolderDocumentStore(folder), "65f0a1.zip", "zip");

    try (var files = Files.list(folder)) {
      assertThat(files).containsExactly(folder.resolve("req_42"));
    }
    assertThat(folder.resolve("req_42/65f0a1.zip")).hasContent("zip");
  }

  @Test
  void aDocumentUnderAnotherNameTakesTheEarliersPlace() throws IOException {
    FolderDocumentStore store = new FolderDocumentStore(folder);
    store(store, "first.zip", "first");

    store(store, "second.zip", "second");

    try (var files = Files.list(folder.resolve("req_42"))) {
      assertThat(files).containsExactly(folder.resolve("req_42/second.zip"));
    }
    assertThat(folder.resolve("req_42/second.zip")).hasContent("second");
  }

  @Test
  void aNameThatWouldLeaveTheFolderIsRefused() {
    Either<StorageFailure, DocumentStore.Upload> begun =
        new FolderDocumentStore(folder).begin(ID, "../elsewhere.zip");

    assertThat(begun.isLeft()).isTrue();
    assertThat(folder).isEmptyDirectory();
  }

  private static void store(FolderDocumentStore store, String name, String content)
      throws IOException {
    DocumentStore.Upload upload = store.begin(ID, name).get();
    upload.stream().write(content.getBytes(StandardCharsets.UTF_8));
    upload.commit().get();
  }
}

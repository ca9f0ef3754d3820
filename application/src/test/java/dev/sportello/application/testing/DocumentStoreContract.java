package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DocumentStore} must do; an implementation's test extends this. */
public abstract class DocumentStoreContract {
  private static final RequestId ID = new RequestId("r1");

  /** SHA-256 of "hello". */
  private static final String HELLO_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  private DocumentStore store;

  /** A new, empty store for each test. */
  protected abstract DocumentStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private DocumentStore.Upload write(String name, String content) throws IOException {
    DocumentStore.Upload upload = right(store.begin(ID, name));
    upload.stream().write(content.getBytes(StandardCharsets.UTF_8));
    upload.stream().close();
    return upload;
  }

  private String read() {
    try (InputStream in = right(store.open(ID)).get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @Test
  void aCommittedDocumentReadsBackWithItsSizeAndDigest() throws IOException {
    DocumentRef ref = right(write("a.zip", "hello").commit());

    assertThat(ref).isEqualTo(new DocumentRef("a.zip", 5, HELLO_SHA256));
    assertThat(read()).isEqualTo("hello");
  }

  @Test
  void nothingIsVisibleBeforeTheCommit() throws IOException {
    DocumentStore.Upload upload = write("a.zip", "hello");

    assertThat(right(store.open(ID))).isEmpty();
    right(upload.commit());
    assertThat(right(store.open(ID))).isNotEmpty();
  }

  @Test
  void anAbortedUploadLeavesNothing() throws IOException {
    write("a.zip", "hello").abort();

    assertThat(right(store.open(ID))).isEmpty();
  }

  @Test
  void aSecondCommitReplacesTheFirst() throws IOException {
    right(write("a.zip", "first version").commit());
    DocumentRef second = right(write("b.zip", "hello").commit());

    assertThat(second.sha256()).isEqualTo(HELLO_SHA256);
    assertThat(read()).isEqualTo("hello");
  }

  @Test
  void aDeletedDocumentIsGone() throws IOException {
    right(write("a.zip", "hello").commit());

    assertThat(right(store.delete(ID))).isTrue();
    assertThat(right(store.open(ID))).isEmpty();
    assertThat(right(store.delete(ID))).isFalse();
  }
}

package dev.sportello.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances sharing a documents folder replace and delete documents one at a time: each takes the
 * lock file beside the folder, so a document sealed again by one cannot overwrite a newer one
 * another instance stored meanwhile.
 */
class DocumentFolderLockTest {
  /** Holds a file lock until its standard input closes, as another instance would. */
  private static final String HOLDER =
      """
      import java.nio.channels.FileChannel;
      import java.nio.file.Path;
      import java.nio.file.StandardOpenOption;

      public class Holder {
        public static void main(String[] args) throws Exception {
          try (FileChannel channel = FileChannel.open(
              Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.lock();
            System.out.println("locked");
            System.out.flush();
            System.in.read();
          }
        }
      }
      """;

  @TempDir Path directory;

  @Test
  void aDocumentIsStoredOnlyOnceAnotherProcessReleasesTheFoldersLock() throws Exception {
    Path documents = directory.resolve("documents");
    var store = new FileDocumentStore(documents, LiveKeys.fixed(DataKeys.generate()));
    Path source = Files.writeString(directory.resolve("Holder.java"), HOLDER);
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                source.toString(),
                directory.resolve("documents.lock").toString())
            .redirectErrorStream(true)
            .start();
    try (var lines =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("locked");
      DocumentStore.Upload upload = store.begin(new RequestId("r-1"), "d.zip").get();
      upload.stream().write(new byte[] {1, 2, 3});

      CompletableFuture<Either<StorageFailure, DocumentRef>> commit =
          CompletableFuture.supplyAsync(upload::commit);

      assertThatThrownBy(() -> commit.get(500, TimeUnit.MILLISECONDS))
          .isInstanceOf(TimeoutException.class);
      holder.getOutputStream().close();
      assertThat(commit.get(10, TimeUnit.SECONDS).isRight()).isTrue();
      assertThat(store.open(new RequestId("r-1")).get()).isNotEmpty();
    } finally {
      holder.destroy();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

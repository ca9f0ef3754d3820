package dev.sportello.adapter.persistence;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB document is sealed as it is stored and opened as it is read, through a 64 MB heap: this
 * class runs in its own surefire execution with {@code -Xmx64m} (the {@code small-heap} tag).
 */
@Tag("small-heap")
class SealedLargeDocumentTest {
  private static final long SIZE = 100L * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;

  @TempDir Path directory;

  @Test
  void aHundredMegabyteDocumentIsSealedAndOpenedThroughASmallHeap()
      throws IOException, NoSuchAlgorithmException {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("the heap must be smaller than the document for this to prove anything")
        .isLessThan(SIZE);
    var store = new FileDocumentStore(directory, LiveKeys.fixed(DataKeys.generate()));
    RequestId id = new RequestId("large-1");
    long started = System.nanoTime();

    DocumentStore.Upload upload = right(store.begin(id, "large.zip"));
    try (OutputStream out = upload.stream()) {
      write(out);
    }
    DocumentRef stored = right(upload.commit());
    long written = System.nanoTime();
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    long readBytes;
    try (InputStream in = right(store.open(id)).get();
        OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), read)) {
      readBytes = in.transferTo(sink);
    }
    long opened = System.nanoTime();

    assertThat(stored.sizeBytes()).isEqualTo(SIZE);
    assertThat(readBytes).isEqualTo(SIZE);
    assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(stored.sha256());
    Path file = FileDocumentStore.fileOf(directory, id);
    assertThat(Files.size(file)).isGreaterThan(SIZE);
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "sealed %d bytes in %d ms, opened them in %d ms (sealed file %d bytes);"
            + " heap max %d MB, used %d MB after%n",
        SIZE,
        (written - started) / 1_000_000,
        (opened - written) / 1_000_000,
        Files.size(file),
        runtime.maxMemory() / (1024 * 1024),
        (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
  }

  /** Pseudo-random bytes, a chunk at a time, so that nothing compresses or repeats. */
  private static void write(OutputStream out) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    byte[] chunk = new byte[CHUNK];
    for (long left = SIZE; left > 0; left -= CHUNK) {
      for (int i = 0; i < CHUNK; i += 8) {
        long next = random.nextLong();
        for (int b = 0; b < 8; b++) {
          chunk[i + b] = (byte) (next >>> (8 * b));
        }
      }
      out.write(chunk, 0, (int) Math.min(CHUNK, left));
    }
  }
}

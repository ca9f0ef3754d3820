package dev.sportello.adapter.visengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sportello.domain.request.UpstreamId;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB document downloads in a 64 MB heap: this class runs in its own surefire execution with
 * {@code -Xmx64m} (the {@code small-heap} tag), against a server that generates the archive as it
 * sends it.
 */
@Tag("small-heap")
class LargeDocumentTest {
  private static final long MEGABYTE = 1024 * 1024;
  private static final long[] ENTRY_SIZES = {60 * MEGABYTE, 40 * MEGABYTE};

  private HttpServer server;
  private volatile byte[] sentDigest = new byte[0];
  private volatile long sentBytes;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/documento/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(
                ("{\"data\":{\"nome\":\"" + Stub.ID + ".zip\",\"dimensione\":104857600,\"file\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            MessageDigest digest = sha256();
            CountingStream counted =
                new CountingStream(Base64.getEncoder().wrap(new NonClosing(body)));
            try (ZipOutputStream zip =
                new ZipOutputStream(new DigestOutputStream(counted, digest))) {
              zip.setLevel(Deflater.NO_COMPRESSION);
              int entry = 0;
              for (long size : ENTRY_SIZES) {
                zip.putNextEntry(new ZipEntry("part-" + entry++ + ".pdf"));
                writeNoise(zip, size, entry);
                zip.closeEntry();
              }
            }
            sentDigest = digest.digest();
            sentBytes = counted.count;
            body.write(
                "\"},\"success\":true,\"message\":\"\",\"error\":null}"
                    .getBytes(StandardCharsets.US_ASCII));
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aHundredMegabyteDocumentStreamsThroughASixtyFourMegabyteHeap(@TempDir Path folder)
      throws IOException {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test must run with -Xmx64m")
        .isLessThanOrEqualTo(70 * MEGABYTE);
    VisengineAdapter adapter = Stub.adapter("http://127.0.0.1:" + server.getAddress().getPort());
    Path file = folder.resolve("document.zip");
    MessageDigest received = sha256();

    String name;
    try (OutputStream target =
        new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), received)) {
      name = adapter.download(new UpstreamId(Stub.ID), target).get();
    }

    assertThat(name).isEqualTo(Stub.ID + ".zip");
    assertThat(Files.size(file)).isEqualTo(sentBytes).isGreaterThan(100 * MEGABYTE);
    assertThat(received.digest()).isEqualTo(sentDigest);
    try (InputStream in = Files.newInputStream(file)) {
      assertThat(VisengineAdapter.zipEntryNames(in).get())
          .containsExactly("part-0.pdf", "part-1.pdf");
    }
  }

  private static void writeNoise(OutputStream out, long size, long seed) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long state = 0x9E3779B97F4A7C15L * seed;
    for (long written = 0; written < size; written += chunk.length) {
      for (int i = 0; i < chunk.length; i += 8) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        for (int b = 0; b < 8; b++) {
          chunk[i + b] = (byte) (state >>> (8 * b));
        }
      }
      out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Counts the bytes that pass. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }

  /** Lets the base64 encoder finish its padding without closing the response. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}

package dev.sportello.adapter.docuengine;

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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB file downloads into the archive in a 64 MB heap: this class runs in its own surefire
 * execution with {@code -Xmx64m} (the {@code small-heap} tag), against a server that generates the
 * file as it sends it.
 */
@Tag("small-heap")
class LargeDocumentTest {
  private static final long MEGABYTE = 1024 * 1024;
  private static final long SIZE = 100 * MEGABYTE;
  private static final String FILE = Stub.ID + "_0.pdf";

  private HttpServer server;
  private String md5 = "";

  @BeforeEach
  void start() throws IOException {
    MessageDigest digest = digest("MD5");
    try (OutputStream counted = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      writeNoise(counted, SIZE);
    }
    md5 = Base64.getEncoder().encodeToString(digest.digest());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/requests/",
        exchange -> {
          byte[] list =
              Stub.ok(
                      "[{\"fileName\":\""
                          + FILE
                          + "\",\"mimeType\":\"application/pdf\",\"fileSize\":\""
                          + SIZE
                          + "\",\"md5\":\""
                          + md5
                          + "\",\"urlExpire\":4000000000,\"downloadUrl\":\"http://127.0.0.1:"
                          + server.getAddress().getPort()
                          + "/storage/"
                          + FILE
                          + "?X-Goog-Signature=ab\"}]")
                  .build()
                  .getBody()
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, list.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(list);
          }
        });
    server.createContext(
        "/storage/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/pdf");
          exchange.sendResponseHeaders(200, SIZE);
          try (OutputStream body = exchange.getResponseBody()) {
            writeNoise(body, SIZE);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aHundredMegabyteFileStreamsIntoTheArchiveThroughASixtyFourMegabyteHeap(@TempDir Path folder)
      throws IOException {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test must run with -Xmx64m")
        .isLessThanOrEqualTo(70 * MEGABYTE);
    DocuEngineAdapter adapter = Stub.adapter("http://127.0.0.1:" + server.getAddress().getPort());
    Path archive = folder.resolve("document.zip");

    String name;
    try (OutputStream target = new BufferedOutputStream(Files.newOutputStream(archive))) {
      name = adapter.download(new UpstreamId(Stub.ID), target).get();
    }

    assertThat(name).isEqualTo(Stub.ID + ".zip");
    try (InputStream in = Files.newInputStream(archive);
        ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry entry = zip.getNextEntry();
      assertThat(entry).isNotNull();
      assertThat(entry.getName()).isEqualTo(FILE);
      MessageDigest received = digest("MD5");
      try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), received)) {
        assertThat(zip.transferTo(sink)).isEqualTo(SIZE);
      }
      assertThat(Base64.getEncoder().encodeToString(received.digest())).isEqualTo(md5);
      assertThat(zip.getNextEntry()).isNull();
    }
  }

  /** The same bytes on every call: a PDF header, then pseudo-random noise. */
  private static void writeNoise(OutputStream out, long size) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    long state = 0x9E3779B97F4A7C15L;
    for (long written = 0; written < size; written += chunk.length) {
      for (int i = 0; i < chunk.length; i += 8) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        for (int b = 0; b < 8; b++) {
          chunk[i + b] = (byte) (state >>> (8 * b));
        }
      }
      if (written == 0) {
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 9);
      }
      out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A 100 MB DocuEngine file is rendered, hashed and served as a stream: this class runs in its own
 * surefire execution with {@code -Xmx32m} (the {@code small-heap} tag), sandbox and client in the
 * one small heap.
 */
@Tag("small-heap")
class LargeDocuEngineFileTest {

  private static final long MEGABYTE = 1024 * 1024;

  private final SandboxHttp api = SandboxHttp.start();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aHundredMegabyteFileStreamsWithItsSizeAndMd5ThroughAThirtyTwoMegabyteHeap()
      throws Exception {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("this test must run with -Xmx32m")
        .isLessThanOrEqualTo(40 * MEGABYTE);
    long size = 100 * MEGABYTE + 13;
    String id = api.request(DocuEngineErrorScenarios.closedStatuto());
    api.post("/_sandbox/requests/" + id + "/document", "{\"size_bytes\":" + size + "}");
    api.finishAll();
    JsonNode file = api.get("/requests/" + id + "/documents").data().get(0);

    HttpResponse<InputStream> response =
        api.client()
            .send(
                HttpRequest.newBuilder(URI.create(file.path("downloadUrl").asString())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    long read = 0;
    byte[] head = new byte[8];
    try (DigestInputStream in = new DigestInputStream(response.body(), md5)) {
      read += in.readNBytes(head, 0, head.length);
      byte[] buffer = new byte[65_536];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        read += n;
      }
    }

    assertThat(file.path("fileSize").asString()).isEqualTo(Long.toString(size));
    assertThat(read).isEqualTo(size);
    assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.4");
    assertThat(Base64.getEncoder().encodeToString(md5.digest()))
        .isEqualTo(file.path("md5").asString());
  }
}

package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness as an orchestrator sees it, before any client has called. */
class ReadinessTest {
  @TempDir Path dataDir;

  @Test
  void anEngineThatCannotBeReachedKeepsTheServiceNotReadyAndIsNamed() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (Harness app =
        Harness.start(
            Harness.outsideSandboxMode(
                dataDir,
                Map.of(
                    "SPORTELLO_VISENGINE_URL",
                    "http://127.0.0.1:" + closedPort,
                    "SPORTELLO_VISENGINE_TOKEN",
                    "a-token-minted-by-hand")))) {
      Harness.Answer ready = app.get("/health/ready");

      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.body().path("checks").path("upstream").asString()).isEqualTo("DOWN");
      assertThat(ready.body().path("details").path("visengine").asString())
          .isEqualTo("down (catalogue call: unreachable or unavailable)");
    }
  }

  @Test
  void anEngineThatAnswersMakesTheServiceReadyWithoutAClientsCall() throws InterruptedException {
    VisengineSandbox sandbox = VisengineSandbox.start(SandboxSettings.defaults());
    try (Harness app =
        Harness.start(
            Harness.outsideSandboxMode(
                dataDir,
                Map.of(
                    "SPORTELLO_VISENGINE_URL", sandbox.baseUrl().toString(),
                    "SPORTELLO_VISENGINE_TOKEN", sandbox.token())))) {
      // The first answer waits for the probe a bounded while only; a loaded machine may need
      // longer, so readiness is awaited as an orchestrator polls it.
      Instant deadline = Instant.now().plusSeconds(30);
      Harness.Answer ready = app.get("/health/ready");
      while (ready.status() != 200 && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
        ready = app.get("/health/ready");
      }

      assertThat(ready.status()).as("readiness: %s", ready.body()).isEqualTo(200);
      assertThat(ready.body().path("checks").path("upstream").asString()).isEqualTo("UP");
    } finally {
      sandbox.close();
    }
  }
}

package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.request.RequestStatus;
import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service stopped between the free draft and the charging close, then started again on the same
 * store: the request is closed once, and charged once. The sandbox runs on its own here, as
 * Visengine would, so that it outlives the service.
 */
class RestartTest {
  @TempDir Path dataDir;

  @Test
  void aRequestStoppedBetweenDraftAndCloseIsChargedExactlyOnceAfterARestart() throws Exception {
    try (VisengineSandbox sandbox =
        VisengineSandbox.start(
            SandboxSettings.defaults().withStepDelay(Harness.STEP).withControlApi(true))) {
      Map<String, String> environment =
          Harness.outsideSandboxMode(
              dataDir,
              Map.of(
                  "SPORTELLO_VISENGINE_URL", sandbox.baseUrl().toString(),
                  "SPORTELLO_VISENGINE_TOKEN", sandbox.token()));
      // Upstream fails every close until the service has stopped: the draft exists, unpaid.
      Harness.control(
          sandbox,
          "POST",
          "/_sandbox/faults",
          "{\"route\": \"PUT /richiesta/{id}\", \"type\": \"fail\", \"status\": 503,"
              + " \"times\": 0}");

      String id;
      try (Harness first = Harness.start(environment)) {
        id =
            first
                .ok(first.submit("restart-1", Harness.RESIDENCE, Harness.residence()))
                .path("id")
                .asString();
        assertThat(first.stored(id).status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(first.stored(id).upstreamId().isDefined()).isTrue();
        assertThat(sandbox.chargesFor(first.stored(id).upstreamId().get().value()).calls())
            .isZero();
      }
      Harness.control(sandbox, "DELETE", "/_sandbox/faults", "");

      try (Harness second = Harness.start(environment)) {
        second.syncUntil(id, "FULFILLED", sandbox);

        assertThat(second.charges(id, sandbox).calls()).isEqualTo(1);
      }
    }
  }
}

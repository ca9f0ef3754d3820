package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service started with {@code SPORTELLO_SPENDING_CAPS}: a cap no order fits under. */
class SpendingCapEndToEndTest {
  @TempDir static Path dataDir;

  private static Harness app;

  @BeforeAll
  static void start() {
    app =
        Harness.start(
            Harness.environment(dataDir, Map.of("SPORTELLO_SPENDING_CAPS", "*=0.01/day")));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void anOrderOverTheCapIsRefusedWithoutAnUpstreamCallAndTheCallerSeesWhy() throws Exception {
    Harness.Answer refused = app.submit("capped-1", Harness.RESIDENCE, Harness.residence());

    assertThat(refused.status()).as(refused.problem()).isEqualTo(402);
    assertThat(refused.body().path("code").asString()).isEqualTo("spending_cap_reached");
    assertThat(refused.body().path("detail").asString()).contains("0.01 EUR per day");
    assertThat(refused.body().path("cap").path("euros").asString()).isEqualTo("0.01");
    assertThat(app.ok(app.get("/api/v1/requests")).path("items")).isEmpty();
    assertThat(app.text("/metrics")).doesNotContain("kind=\"draft\"");

    var day = app.ok(app.get("/api/v1/spending")).path("periods").get(0);
    assertThat(day.path("cap").path("euros").asString()).isEqualTo("0.01");
    assertThat(day.path("spent").path("euros").asString()).isEqualTo("0.00");
    assertThat(day.path("remaining").path("euros").asString()).isEqualTo("0.01");
  }
}

package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service with DocuEngine's URL and token alone, as a team that starts on DocuEngine runs it:
 * Visengine, given no settings, is not wired at all. The sandbox runs on its own here, as
 * DocuEngine would.
 */
class OneEngineTest {
  @TempDir static Path dataDir;

  private static VisengineSandbox sandbox;
  private static Harness app;

  @BeforeAll
  static void start() {
    sandbox = VisengineSandbox.start(SandboxSettings.defaults().withStepDelay(Harness.STEP));
    app =
        Harness.start(
            Harness.outsideSandboxMode(
                dataDir,
                Map.of(
                    "SPORTELLO_DOCUENGINE_URL", sandbox.baseUrl().toString(),
                    "SPORTELLO_DOCUENGINE_TOKEN", sandbox.token())));
  }

  @AfterAll
  static void stop() {
    app.close();
    sandbox.close();
  }

  @Test
  void theCatalogueListsOnlyTheConfiguredEnginesCertificates() {
    JsonNode items = app.ok(app.get("/api/v1/certificates")).path("items");

    assertThat(Harness.texts(items, "id")).contains(Harness.DOCU_FAMILY_STATUS);
    assertThat(Harness.texts(items, "engine").distinct()).containsExactly("docuengine");
  }

  @Test
  void aCertificateOfTheEngineLeftOutIsNotFound() {
    assertThat(app.get("/api/v1/certificates/" + Harness.FAMILY_STATUS).status()).isEqualTo(404);
  }

  @Test
  void anOrderToTheConfiguredEngineIsFulfilledAndChargedOnce() {
    String id =
        app.ok(app.submit("one-engine-1", Harness.DOCU_FAMILY_STATUS, Harness.docuFamilyStatus()))
            .path("id")
            .asString();

    app.syncUntil(id, "FULFILLED", sandbox);

    assertThat(app.charges(id, sandbox).calls()).isEqualTo(1);
  }

  @Test
  void theBannerNamesTheEnginesHostAndSaysHowToTurnTheOtherOn() {
    StringWriter banner = new StringWriter();

    Banner.print(new PrintWriter(banner), app.service, Duration.ZERO);

    assertThat(banner.toString().lines())
        .contains(
            "  SPORTELLO — OPENAPI: requests go to the engines below.",
            "  Visengine   off (set SPORTELLO_VISENGINE_TOKEN, or the account's"
                + " SPORTELLO_OPENAPI_EMAIL and SPORTELLO_OPENAPI_API_KEY, to use it)",
            "  DocuEngine  " + sandbox.baseUrl());
  }
}

package dev.sportello.bootstrap;

import static dev.sportello.application.port.out.RemoteCallKind.CLOSE;
import static dev.sportello.application.port.out.RemoteCallKind.DESCRIBE;
import static dev.sportello.application.port.out.RemoteCallKind.DRAFT;
import static dev.sportello.application.port.out.RemoteCallKind.TEST;
import static dev.sportello.bootstrap.Harness.A2_EXAM;
import static dev.sportello.bootstrap.Harness.BALANCE_SHEET;
import static dev.sportello.bootstrap.Harness.COMPANY_SEARCH;
import static dev.sportello.bootstrap.Harness.DOCU_FAMILY_STATUS;
import static dev.sportello.bootstrap.Harness.DURC;
import static dev.sportello.bootstrap.Harness.FAMILY_STATUS;
import static dev.sportello.bootstrap.Harness.RESIDENCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.List;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole service on the embedded store with the embedded sandbox, driven over HTTP as a client
 * would: every adapter is the real one.
 */
class EndToEndTest {
  @TempDir static Path dataDir;
  @TempDir Path downloads;

  private static Harness app;

  @BeforeAll
  static void start() {
    app = Harness.start(Harness.environment(dataDir, Map.of()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aFamilyStatusCertificateGoesFromItsFormToAPdf() throws IOException {
    JsonNode form = app.ok(app.get("/api/v1/certificates/" + FAMILY_STATUS));
    assertThat(Harness.texts(form.path("fields"), "key")).contains("$0", "$7");

    String id =
        app.ok(
                app.submit(
                    "family-1", FAMILY_STATUS, Harness.familyStatus("1985-12-10"), "opzione_0"))
            .path("id")
            .asString();
    JsonNode fulfilled = app.syncUntil(id, "FULFILLED");

    assertThat(fulfilled.path("document").path("name").asString()).endsWith(".zip");
    assertThat(Harness.zipEntries(app.download(id, downloads)).values())
        .isNotEmpty()
        .allMatch(head -> head.startsWith("%PDF"));
  }

  @Test
  void theConsoleIsServedAtTheRootAndTheApiAsBefore() throws IOException, InterruptedException {
    HttpResponse<String> root = page("/");

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.uri().getPath()).isEqualTo("/sign-in");
    assertThat(root.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(root.body()).contains("<label for=\"api-key\">API key</label>");
    assertThat(app.ok(app.get("/api/v1/certificates")).path("items").size()).isPositive();
  }

  @Test
  void aBrowserGetsTheConsolesErrorPagesAndAnApiClientItsProblems()
      throws IOException, InterruptedException {
    HttpResponse<String> page = page("/console/missing.js");
    HttpResponse<String> problem = page("/api/v1/missing");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("<h1>Not found</h1>");
    assertThat(problem.statusCode()).isEqualTo(404);
    assertThat(problem.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  /** A page as a browser opens it, following redirects. */
  private static HttpResponse<String> page(String path) throws IOException, InterruptedException {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build()
        .send(
            HttpRequest.newBuilder(app.service.baseUrl().resolve(path))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withNoConfigurationTheCatalogueListsBothEnginesEachCertificateWithItsEngine() {
    JsonNode items = app.ok(app.get("/api/v1/certificates")).path("items");

    assertThat(Harness.texts(items, "engine").distinct())
        .containsExactlyInAnyOrder("visengine", "docuengine");
    assertThat(engineOf(items, FAMILY_STATUS)).isEqualTo("visengine");
    assertThat(engineOf(items, DOCU_FAMILY_STATUS)).isEqualTo("docuengine");
    assertThat(engineOf(items, BALANCE_SHEET)).isEqualTo("docuengine");
  }

  @Test
  void theCatalogueAskedForOneEngineListsOnlyThatEnginesCertificates() {
    JsonNode items = app.ok(app.get("/api/v1/certificates?engine=docuengine")).path("items");

    assertThat(Harness.texts(items, "id")).contains(DOCU_FAMILY_STATUS, BALANCE_SHEET);
    assertThat(Harness.texts(items, "engine").distinct()).containsExactly("docuengine");
  }

  private static String engineOf(JsonNode items, String certificateId) {
    return List.ofAll(items)
        .find(item -> item.path("id").asString().equals(certificateId))
        .map(item -> item.path("engine").asString())
        .getOrElseThrow(() -> new AssertionError(certificateId + " is not listed: " + items));
  }

  @Test
  void aDocuEngineFamilyStatusCertificateGoesFromSubmissionToAPdfChargedOnce() throws IOException {
    JsonNode form = app.ok(app.get("/api/v1/certificates/" + DOCU_FAMILY_STATUS));
    assertThat(form.path("engine").asString()).isEqualTo("docuengine");

    JsonNode accepted =
        app.ok(app.submit("docu-family-1", DOCU_FAMILY_STATUS, Harness.docuFamilyStatus()));
    String id = accepted.path("id").asString();
    JsonNode fulfilled = app.syncUntil(id, "FULFILLED");

    assertThat(accepted.path("engine").asString()).isEqualTo("docuengine");
    assertThat(fulfilled.path("engine").asString()).isEqualTo("docuengine");
    app.downloadsPdfs(id, downloads);
    assertThat(app.charges(id, app.sandbox()).calls()).isEqualTo(1);
    assertThat(app.charges(id, app.sandbox()).amount()).isEqualByComparingTo("9.90");
  }

  @Test
  void aDocuEngineSearchGoesThroughTheChosenResultToAPdfChargingEachStepOnce() throws IOException {
    String id =
        app.ok(
                app.submit(
                    "docu-balance-1", BALANCE_SHEET, Map.of("field0", Harness.COMPANY_TAX_CODE)))
            .path("id")
            .asString();

    app.syncUntil(id, "AWAITING_SELECTION");
    assertThat(app.charges(id, app.sandbox()).amount())
        .as("the search alone is charged before a result is chosen")
        .isEqualByComparingTo("0.10");
    app.chooseFirstCandidate(id);
    app.syncUntil(id, "FULFILLED");

    app.downloadsPdfs(id, downloads);
    assertThat(app.charges(id, app.sandbox()).calls()).isEqualTo(2);
    assertThat(app.charges(id, app.sandbox()).amount()).isEqualByComparingTo("4.50");
  }

  @Test
  void aVisengineOrderAndADocuEngineOrderAreFulfilledSideBySideEachOnItsEngine() {
    String visengine =
        app.ok(app.submit("side-by-side-v", RESIDENCE, Harness.residence())).path("id").asString();
    String docuEngine =
        app.ok(app.submit("side-by-side-d", DOCU_FAMILY_STATUS, Harness.docuFamilyStatus()))
            .path("id")
            .asString();

    assertThat(app.syncUntil(visengine, "FULFILLED").path("engine").asString())
        .isEqualTo("visengine");
    assertThat(app.syncUntil(docuEngine, "FULFILLED").path("engine").asString())
        .isEqualTo("docuengine");
    assertThat(app.charges(visengine, app.sandbox()).calls()).isEqualTo(1);
    assertThat(app.charges(docuEngine, app.sandbox()).calls()).isEqualTo(1);
  }

  @Test
  void theSandboxsDocuEngineCallbackMakesTheServiceReadTheRequestAgain()
      throws InterruptedException {
    String id =
        app.ok(app.submit("docu-webhook-1", DOCU_FAMILY_STATUS, Harness.docuFamilyStatus()))
            .path("id")
            .asString();
    String before = app.request(id).path("status").asString();

    app.sandbox().advance(Harness.STEP.multipliedBy(3));

    assertThat(before).isNotEqualTo("FULFILLED");
    app.awaitStatus(id, "FULFILLED");
  }

  @Test
  void theBannerSaysTheEmbeddedSandboxPlaysBothEngines() {
    StringWriter banner = new StringWriter();

    Banner.print(new PrintWriter(banner), app.service, Duration.ZERO);

    assertThat(banner.toString().lines())
        .contains("  Visengine   the embedded sandbox", "  DocuEngine  the embedded sandbox");
    assertThat(banner.toString()).contains("SPORTELLO — SANDBOX");
  }

  @Test
  void theBannerGivesTheWebConsolesAddress() {
    StringWriter banner = new StringWriter();

    Banner.print(new PrintWriter(banner), app.service, Duration.ZERO);

    assertThat(banner.toString().lines())
        .contains("  Console     " + app.service.baseUrl() + "/   (sign in with an API key)");
  }

  @Test
  void aDescriptionSavedFromTheApiChecksASubmissionOffline() throws IOException {
    JsonNode form = app.ok(app.get("/api/v1/certificates/" + FAMILY_STATUS));
    Path saved = Files.writeString(downloads.resolve("family-status.json"), form.toString());
    String submission = Path.of("..", "examples", "family-status-submission.json").toString();

    Cli run = Cli.run(Map.of(), "validate", saved.toString(), submission);

    assertThat(run.exitCode()).as("%s%s", run.out(), run.err()).isZero();
    assertThat(run.out().lines()).first().isEqualTo("VALID");
  }

  @Test
  void aCodiceFiscaleThatDisagreesWithTheBirthDateIsRefusedWithoutCallingUpstream() {
    app.ok(app.get("/api/v1/certificates/" + FAMILY_STATUS));
    long callsBefore = app.remoteCalls(DESCRIBE, TEST, DRAFT, CLOSE);

    JsonNode verdict =
        app.ok(
            app.post(
                "/api/v1/certificates/" + FAMILY_STATUS + "/validation",
                Map.of("values", Harness.familyStatus("1985-12-11"))));
    Harness.Answer refused =
        app.submit("family-wrong-date", FAMILY_STATUS, Harness.familyStatus("1985-12-11"));

    assertThat(verdict.path("valid").asBoolean()).isFalse();
    assertThat(Harness.texts(verdict.path("violations"), "code"))
        .contains("codice_fiscale.birth_date_mismatch");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.problem()).contains("codice_fiscale.birth_date_mismatch");
    assertThat(app.remoteCalls(DESCRIBE, TEST, DRAFT, CLOSE)).isEqualTo(callsBefore);
  }

  @Test
  void anA2ApplicationSatisfiesTheRuleWithEitherAlternative() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("$0", "Mario");
    values.put("$1", "Rossi");
    values.put("$2", "mario.rossi@example.com");
    values.put("$3", "3331234567");
    values.put("$4", Harness.MARIO_ROSSI);
    values.put("$5", Harness.pdfField("documento.pdf"));
    values.put("$6", Harness.pdfField("codice-fiscale.pdf"));
    Map<String, String> withoutSecondCopy = new LinkedHashMap<>(values);
    withoutSecondCopy.remove("$6");

    Harness.Answer shortOfOne = app.submit("a2-short", A2_EXAM, withoutSecondCopy);
    String id = app.ok(app.submit("a2-1", A2_EXAM, values)).path("id").asString();

    assertThat(shortOfOne.status()).isEqualTo(400);
    assertThat(shortOfOne.problem()).contains("$6");
    assertThat(app.syncUntil(id, "FULFILLED").path("outcome").path("success").asBoolean()).isTrue();
  }

  @Test
  void aSearchProductOffersCandidatesAndFulfilsTheChosenOne() {
    String id =
        app.ok(app.submit("search-1", COMPANY_SEARCH, Map.of("$0", "alfa"))).path("id").asString();

    JsonNode round = app.chooseFirstCandidate(id);

    assertThat(app.syncUntil(id, "FULFILLED").path("selection").path("index").asInt())
        .isEqualTo(round.path("candidates").get(0).path("index").asInt());
  }

  @Test
  void aProductWithAFileFieldTakesTheUpload() {
    String id =
        app.ok(
                app.submit(
                    "durc-1",
                    DURC,
                    Map.of("$0", "01500001019", "$1", Harness.pdfField("delega.pdf"))))
            .path("id")
            .asString();

    assertThat(app.syncUntil(id, "FULFILLED").path("status").asString()).isEqualTo("FULFILLED");
  }

  @Test
  void anUrgentDeliveryIsInTheQuoteAndInTheCharge() {
    JsonNode accepted = app.ok(app.submit("urgent-1", RESIDENCE, Harness.residence(), "opzione_0"));
    String id = accepted.path("id").asString();
    app.syncUntil(id, "FULFILLED");

    assertThat(accepted.path("quote").path("extras").path("euros").asString()).isEqualTo("4.00");
    assertThat(accepted.path("quote").path("net").path("euros").asString()).isEqualTo("13.90");
    assertThat(app.charges(id, app.sandbox()).amount()).isEqualByComparingTo("13.90");
    assertThat(app.charges(id, app.sandbox()).calls()).isEqualTo(1);
  }

  @Test
  void aRequestCanBeCancelledBeforeItIsFulfilled() {
    String id =
        app.ok(app.submit("cancel-1", RESIDENCE, Harness.residence())).path("id").asString();

    JsonNode cancelled =
        app.ok(
            app.post(
                "/api/v1/requests/" + id + "/cancellation",
                Map.of("reason", "ordered by mistake")));

    assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
  }

  @Test
  void withoutCreditARequestIsRejectedWithTheReason() {
    BigDecimal balance = app.sandbox().balance();
    app.sandbox().setBalance(BigDecimal.ZERO);
    try {
      String id =
          app.ok(app.submit("broke-1", RESIDENCE, Harness.residence())).path("id").asString();

      JsonNode rejected = app.syncUntil(id, "REJECTED");

      assertThat(rejected.path("outcome").path("message").asString()).isNotBlank();
    } finally {
      app.sandbox().setBalance(balance);
    }
  }

  @Test
  void theSandboxsCallbackMakesTheServiceReadTheRequestAgain() throws InterruptedException {
    String id =
        app.ok(app.submit("webhook-1", RESIDENCE, Harness.residence())).path("id").asString();
    String before = app.request(id).path("status").asString();

    app.sandbox().advance(Harness.STEP.multipliedBy(3));

    assertThat(before).isNotEqualTo("FULFILLED");
    app.awaitStatus(id, "FULFILLED");
  }

  @Test
  void aForgedCallbackChangesNothing() {
    String id =
        app.ok(app.submit("webhook-2", RESIDENCE, Harness.residence())).path("id").asString();
    JsonNode before = app.request(id);
    Harness.Answer forged =
        app.post(
            "/webhooks/visengine/" + id + ".Zm9yZ2VkLXRva2VuLXRoYXQtbmFtZXMtbm90aGluZw",
            Map.of(
                "data",
                Map.of("_id", "ffffffffffffffffffffffff", "stato_richiesta", "Visura evasa")));

    assertThat(forged.status()).isEqualTo(404);
    JsonNode after = app.request(id);
    assertThat(after.path("status")).isEqualTo(before.path("status"));
    assertThat(after.path("history")).isEqualTo(before.path("history"));
  }

  @Test
  void theSameIdempotencyKeyTwiceOrdersAndChargesOnce() {
    JsonNode first = app.ok(app.submit("twice-1", RESIDENCE, Harness.residence()));
    JsonNode second = app.ok(app.submit("twice-1", RESIDENCE, Harness.residence()));
    String id = first.path("id").asString();
    app.syncUntil(id, "FULFILLED");

    assertThat(second.path("id").asString()).isEqualTo(id);
    assertThat(app.charges(id, app.sandbox()).calls()).isEqualTo(1);
  }

  @Test
  void metricsCountUpstreamCallsByKindAndOutcomeAndRequestsByStatus() throws Exception {
    String id =
        app.ok(app.submit("metrics-1", RESIDENCE, Harness.residence())).path("id").asString();
    app.syncUntil(id, "FULFILLED");

    String metrics = app.text("/metrics");

    assertThat(metrics)
        .contains(
            "sportello_upstream_calls_seconds_count{engine=\"visengine\",kind=\"close\","
                + "outcome=\"ok\"}")
        .contains("sportello_requests_status_changes_total{status=\"FULFILLED\"}")
        .contains("sportello_sync_cycle_seconds_count{outcome=\"ok\"}");
  }

  @Test
  void metricsNameTheEngineEachUpstreamCallWentTo() throws Exception {
    String id =
        app.ok(app.submit("metrics-docu-1", DOCU_FAMILY_STATUS, Harness.docuFamilyStatus()))
            .path("id")
            .asString();
    app.syncUntil(id, "FULFILLED");

    String metrics = app.text("/metrics");

    assertThat(metrics)
        .contains(
            "sportello_upstream_calls_seconds_count{engine=\"docuengine\",kind=\"close\","
                + "outcome=\"ok\"}")
        .contains(
            "sportello_upstream_calls_seconds_count{engine=\"docuengine\",kind=\"document\","
                + "outcome=\"ok\"}");
  }

  @Test
  void metricsTimeHttpRequestsByRouteNeverByAddress() throws Exception {
    app.ok(app.get("/api/v1/certificates"));
    app.ok(app.get("/api/v1/certificates/" + RESIDENCE));

    String metrics = app.text("/metrics");

    assertThat(metrics)
        .contains(
            "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                + "uri=\"/api/v1/certificates\"}")
        .contains("uri=\"/api/v1/certificates/{id}\"")
        .doesNotContain("uri=\"/api/v1/certificates/" + RESIDENCE);
  }
}

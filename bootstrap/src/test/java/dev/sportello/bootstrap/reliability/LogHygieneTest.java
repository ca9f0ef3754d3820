package dev.sportello.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.fixtures.TaxCodes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service at DEBUG, in sandbox mode, taken through every flow a client drives on both engines
 * (forms, a refused validation, orders with and without files, a search and its selection on each
 * engine, a cancellation, document downloads, the sandbox's callbacks and a wrong API key), then
 * its console read line by line: no personal value, file content or secret may appear in it.
 *
 * <p>The start-up banner is left out of the scan: it shows the embedded sandbox's token on purpose,
 * once, to the person who started the service.
 */
class LogHygieneTest {
  private static final String API_KEY = "log-hygiene-api-key-0123456789";
  private static final String WRONG_KEY = "log-hygiene-wrong-key-9876543210";
  private static final String TAX_CODE = TaxCodes.MARIO_ROSSI;
  private static final String FILE_MARKER = "LOG-HYGIENE-FILE-CONTENT";
  private static final String PDF =
      Base64.getEncoder()
          .encodeToString(
              ("%PDF-1.4\n% " + FILE_MARKER + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));

  /** Personal values sent in the flows, each distinctive enough not to occur by chance. */
  private static final List<String> PERSONAL =
      List.of(
          TAX_CODE,
          TAX_CODE.toLowerCase(Locale.ROOT),
          "Mario",
          "Rossi",
          "1985-12-10",
          "San Giuliano Terme",
          "mario.rossi@example.com",
          "3331234567",
          "01500001019",
          FILE_MARKER,
          PDF,
          PDF.substring(0, 24));

  /** A webhook address carries the request's unguessable token after its id. */
  private static final Pattern WEBHOOK_TOKEN =
      Pattern.compile("webhooks/visengine/[^\\s\"/]+\\.[A-Za-z0-9_-]{16,}");

  /** DocuEngine's callbacks carry the same token in a header of ours. */
  private static final Pattern WEBHOOK_TOKEN_HEADER =
      Pattern.compile("(?i)x-sportello-token\\W+[A-Za-z0-9_.-]{16,}");

  @TempDir static Path dir;
  private static ServiceProcess service;
  private static SandboxAccess sandbox;
  private static final Http HTTP = new Http(Duration.ofSeconds(60));

  @BeforeAll
  static void runEveryFlowAtDebug() throws Exception {
    service =
        ServiceProcess.start(
            Map.of(
                "SPORTELLO_DATA_DIR", dir.resolve("data").toString(),
                "SPORTELLO_HTTP_HOST", "127.0.0.1",
                "SPORTELLO_HTTP_PORT", "0",
                "SPORTELLO_API_KEY", API_KEY,
                "SPORTELLO_SANDBOX_STEP_DELAY", "1h",
                "SPORTELLO_SYNC_INTERVAL", "1s",
                "SPORTELLO_LOG_LEVEL", "DEBUG"),
            dir.resolve("service.log"));
    sandbox = service.sandbox();

    get("/api/v1/certificates");
    get("/api/v1/certificates/4c84e22bbabd5f25b0102bb3bfe82790");
    Http.Reply refused =
        post(
            "/api/v1/certificates/4c84e22bbabd5f25b0102bb3bfe82790/validation",
            Map.of("values", familyStatus("1985-12-11")),
            "");
    assertThat(refused.json().path("valid").asBoolean(true)).isFalse();

    String family = order("family", "4c84e22bbabd5f25b0102bb3bfe82790", familyStatus("1985-12-10"));
    Map<String, String> a2 = new LinkedHashMap<>();
    a2.put("$0", "Mario");
    a2.put("$1", "Rossi");
    a2.put("$2", "mario.rossi@example.com");
    a2.put("$3", "3331234567");
    a2.put("$4", TAX_CODE);
    a2.put("$5", "documento.pdf|data:application/pdf;base64," + PDF);
    a2.put("$6", "codice-fiscale.pdf|data:application/pdf;base64," + PDF);
    String application = order("a2", "2631ec9b62135de4186f509fea7d954b", a2);
    String durc =
        order(
            "durc",
            "3cbbb9c833f1c94af35494820cda3370",
            Map.of("$0", "01500001019", "$1", "delega.pdf|data:application/pdf;base64," + PDF));
    String search = order("search", "afa0b4cu7yd06226i5d89p00077c3j6t", Map.of("$0", "alfa"));
    String cancelled =
        order("cancel", "4c84e22bbabd5f25b0102bb3bfe82790", familyStatus("1985-12-10"));
    post(
        "/api/v1/requests/" + cancelled + "/cancellation",
        Map.of("reason", "ordered by mistake"),
        "");

    String docuFamily =
        order("docu-family", DocuEngineForms.FAMILY_STATUS, DocuEngineForms.familyStatus());
    String docuSearch =
        order(
            "docu-search",
            DocuEngineForms.BALANCE_SHEET,
            Map.of("field0", DocuEngineForms.COMPANY_TAX_CODE));

    chooseTheFirstCandidate(search);
    chooseTheFirstCandidate(docuSearch);
    for (String id : List.of(family, application, durc, search, docuFamily, docuSearch)) {
      until(id, "FULFILLED");
      until(id + "/document", "");
      get("/api/v1/requests/" + id + "/document/files");
    }
    HTTP.send("GET", service.baseUrl().resolve("/api/v1/requests"), WRONG_KEY, "");
  }

  private static void chooseTheFirstCandidate(String id) throws Exception {
    JsonNode awaiting = until(id, "AWAITING_SELECTION");
    JsonNode round = awaiting.path("searches").get(awaiting.path("searches").size() - 1);
    post(
        "/api/v1/requests/" + id + "/selection",
        Map.of(
            "searchId", round.path("searchId").asString(),
            "index", round.path("candidates").get(0).path("index").asInt()),
        "");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    service.stop();
  }

  private static String logLines() throws IOException {
    String output = service.output();
    int bannerStart = output.indexOf("SPORTELLO —");
    int bannerEnd = output.indexOf("Ready in", bannerStart);
    return bannerStart < 0
        ? output
        : output.substring(0, bannerStart) + output.substring(output.indexOf('\n', bannerEnd));
  }

  /** Without this, an empty console would pass every check below. */
  @Test
  void theRunLoggedEveryUpstreamCallAtDebug() throws IOException {
    assertThat(logLines())
        .contains("DEBUG", "---> POST", "---> PUT", "<--- HTTP/1.1 200")
        .contains("docuengine DRAFT ok", "docuengine CLOSE ok", "docuengine SELECTION ok");
  }

  @Test
  void noPersonalValueOrFileContentIsLogged() throws IOException {
    String logs = logLines();

    for (String value : PERSONAL) {
      assertThat(logs).as("a personal value or file content").doesNotContain(value);
    }
  }

  @Test
  void noApiKeyOrUpstreamTokenIsLogged() throws IOException {
    String logs = logLines();

    assertThat(logs).doesNotContain(API_KEY, WRONG_KEY, sandbox.token());
  }

  @Test
  void noWebhookTokenIsLogged() throws IOException {
    assertThat(WEBHOOK_TOKEN.matcher(logLines()).find()).isFalse();
    assertThat(WEBHOOK_TOKEN_HEADER.matcher(logLines()).find()).isFalse();
  }

  /** The seed family-status values, for Mario Rossi, with the given birth date. */
  private static Map<String, String> familyStatus(String birthDate) {
    return SeedCertificates.familyStatusValues().put("$2", birthDate).toJavaMap();
  }

  private static String order(String key, String certificateId, Map<String, String> values)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("certificateId", certificateId);
    body.put("values", values);
    body.put("notifyEmail", "mario.rossi@example.com");
    Http.Reply reply = post("/api/v1/requests", body, key);
    assertThat(reply.ok()).as(reply.text()).isTrue();
    return reply.json().path("id").asString();
  }

  private static Http.Reply get(String path) throws IOException, InterruptedException {
    Http.Reply reply = HTTP.send("GET", service.baseUrl().resolve(path), API_KEY, "");
    assertThat(reply.ok()).as("GET %s: %s", path, reply.text()).isTrue();
    return reply;
  }

  private static Http.Reply post(String path, Object body, String idempotencyKey)
      throws IOException, InterruptedException {
    URI uri = service.baseUrl().resolve(path);
    return idempotencyKey.isEmpty()
        ? HTTP.send("POST", uri, API_KEY, Http.json(body))
        : HTTP.send("POST", uri, API_KEY, Http.json(body), "Idempotency-Key", idempotencyKey);
  }

  /**
   * Moves the sandbox's operators on an hour at a time until the request reaches the status, or,
   * with an empty status, until the address answers 2xx (a document once it is stored).
   */
  private static JsonNode until(String path, String status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      Http.Reply reply =
          HTTP.send("GET", service.baseUrl().resolve("/api/v1/requests/" + path), API_KEY, "");
      if (reply.ok()
          && (status.isEmpty() || reply.json().path("status").asString().equals(status))) {
        return reply.json();
      }
      HTTP.send(
          "POST",
          sandbox.baseUrl().resolve("/_sandbox/clock/advance"),
          sandbox.token(),
          "{\"seconds\": 3600}");
      Thread.sleep(1_200);
    }
    throw new AssertionError(path + " never reached " + status);
  }
}

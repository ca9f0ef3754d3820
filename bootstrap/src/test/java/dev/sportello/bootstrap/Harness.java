package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.rest.RestSettings;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.bootstrap.reliability.DocuEngineForms;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.sandbox.SandboxCharges;
import dev.sportello.sandbox.VisengineSandbox;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running service for the end-to-end tests, driven over real HTTP. Time is driven by hand: the
 * sandbox's operators take an hour per step and the sync cycle runs every hour, so a test moves the
 * sandbox clock and runs a cycle when it means to.
 */
final class Harness implements AutoCloseable {
  static final String API_KEY = "end-to-end-test-api-key";
  static final String CALLER = Service.SANDBOX_CALLER;
  static final Duration STEP = Duration.ofHours(1);

  static final String FAMILY_STATUS = "4c84e22bbabd5f25b0102bb3bfe82790";
  static final String RESIDENCE = "69663cda34a03ef7efc253262baea547";
  static final String A2_EXAM = "2631ec9b62135de4186f509fea7d954b";
  static final String COMPANY_SEARCH = "afa0b4cu7yd06226i5d89p00077c3j6t";
  static final String DURC = "3cbbb9c833f1c94af35494820cda3370";
  static final String MARIO_ROSSI = "RSSMRA85T10A562S";

  static final String DOCU_FAMILY_STATUS = DocuEngineForms.FAMILY_STATUS;
  static final String BALANCE_SHEET = DocuEngineForms.BALANCE_SHEET;
  static final String COMPANY_TAX_CODE = DocuEngineForms.COMPANY_TAX_CODE;

  static final JsonMapper JSON = JsonMapper.builder().build();

  final Service service;
  private final HttpClient http = HttpClient.newHttpClient();

  private Harness(Service service) {
    this.service = service;
  }

  /** An answer of the API: its status and its JSON body ({@code MissingNode} when none). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The problem as the API wrote it: title, detail, code and violations. */
    String problem() {
      return body.toString();
    }
  }

  /** The settings every end-to-end service shares, plus the given ones. */
  static Map<String, String> environment(Path dataDir, Map<String, String> more) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SPORTELLO_DATA_DIR", dataDir.toString());
    environment.put("SPORTELLO_HTTP_HOST", "127.0.0.1");
    environment.put("SPORTELLO_HTTP_PORT", "0");
    environment.put("SPORTELLO_API_KEY", API_KEY);
    environment.put("SPORTELLO_SYNC_INTERVAL", "1h");
    environment.put("SPORTELLO_SANDBOX_STEP_DELAY", "1h");
    environment.putAll(more);
    return environment;
  }

  /**
   * The settings of a service that reaches the engines given in {@code engines} outside sandbox
   * mode, where the test's API key is accepted only hashed.
   */
  static Map<String, String> outsideSandboxMode(Path dataDir, Map<String, String> engines) {
    Map<String, String> environment = environment(dataDir, engines);
    environment.remove("SPORTELLO_API_KEY");
    environment.put("SPORTELLO_API_KEY_HASHES", CALLER + "=" + RestSettings.hashApiKey(API_KEY));
    return environment;
  }

  static Harness start(Map<String, String> environment) {
    return start(environment, Clock.systemUTC());
  }

  /** A service that sends webhooks by the given clock. */
  static Harness start(Map<String, String> environment, Clock webhookClock) {
    Config config =
        ConfigLoader.load(environment, Option.none())
            .toEither()
            .getOrElseThrow(problems -> new IllegalStateException(problems.mkString("; ")));
    return new Harness(
        Service.start(config, webhookClock)
            .getOrElseThrow(problem -> new IllegalStateException(problem)));
  }

  VisengineSandbox sandbox() {
    return service.sandbox().getOrElseThrow(() -> new IllegalStateException("not in sandbox mode"));
  }

  JsonNode ok(Answer answer) {
    assertThat(answer.ok()).as("HTTP %s: %s", answer.status(), answer.body()).isTrue();
    return answer.body();
  }

  Answer get(String path) {
    return send(call(path).GET());
  }

  Answer post(String path, Object body) {
    return send(
        call(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
  }

  Answer put(String path, Object body) {
    return send(
        call(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
  }

  Answer submit(
      String idempotencyKey, String certificateId, Map<String, String> values, String... extras) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("certificateId", certificateId);
    body.put("values", values);
    body.put("extras", java.util.List.of(extras));
    return submit(idempotencyKey, body);
  }

  /** Submits a request body as given, such as one with a reference and an email. */
  Answer submit(String idempotencyKey, Map<String, Object> body) {
    return send(
        call("/api/v1/requests")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
  }

  private HttpRequest.Builder call(String path) {
    return HttpRequest.newBuilder(service.baseUrl().resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + API_KEY);
  }

  private Answer send(HttpRequest.Builder request) {
    return send(request, HttpResponse.BodyHandlers.ofByteArray(), Harness::json);
  }

  private <T> Answer send(
      HttpRequest.Builder request,
      HttpResponse.BodyHandler<T> handler,
      Function<T, JsonNode> reader) {
    try {
      HttpResponse<T> response = http.send(request.build(), handler);
      return new Answer(response.statusCode(), reader.apply(response.body()));
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException notJson) {
      return JSON.missingNode();
    }
  }

  /** A plain-text answer, such as the metrics. */
  String text(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(service.baseUrl().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Calls the sandbox's control API. */
  static void control(VisengineSandbox sandbox, String method, String path, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                    .header("Authorization", "Bearer " + sandbox.token())
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }

  JsonNode request(String id) {
    return ok(get("/api/v1/requests/" + id));
  }

  /**
   * Runs sync cycles, moving the sandbox clock a step after each, until the request reaches the
   * status (and, for {@code FULFILLED}, has its document stored); fails after twenty rounds. A
   * cycle asked for while the scheduled one runs does nothing, and a notification can move a
   * request on between cycles, so the status alone does not say the document is there: once the
   * status is reached, cycles go on without moving the clock until the document is stored, for up
   * to a minute on a loaded machine.
   */
  JsonNode syncUntil(String id, String status, VisengineSandbox upstream) {
    Instant documentDeadline = Instant.MIN;
    for (int round = 0; round < 20 || Instant.now().isBefore(documentDeadline); ) {
      service.scheduler().syncOnce();
      JsonNode request = request(id);
      boolean reached = request.path("status").asString().equals(status);
      if (reached && (!status.equals("FULFILLED") || request.path("document").isObject())) {
        return request;
      }
      if (reached) {
        documentDeadline =
            documentDeadline.equals(Instant.MIN)
                ? Instant.now().plus(Duration.ofMinutes(1))
                : documentDeadline;
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      } else {
        upstream.advance(STEP);
        round++;
      }
    }
    throw new AssertionError(id + " never reached " + status + ": " + request(id));
  }

  JsonNode syncUntil(String id, String status) {
    return syncUntil(id, status, sandbox());
  }

  /**
   * Runs sync cycles until the request's search offers candidates, then chooses the first one of
   * the last search.
   *
   * @return the search as it was when the choice was made
   */
  JsonNode chooseFirstCandidate(String id) {
    JsonNode awaiting = syncUntil(id, "AWAITING_SELECTION");
    JsonNode round = awaiting.path("searches").get(awaiting.path("searches").size() - 1);
    assertThat(round.path("candidates").size()).as("candidates: %s", round).isPositive();
    ok(
        post(
            "/api/v1/requests/" + id + "/selection",
            Map.of(
                "searchId", round.path("searchId").asString(),
                "index", round.path("candidates").get(0).path("index").asInt())));
    return round;
  }

  /** Waits, without running a sync cycle, until the request reaches the status. */
  JsonNode awaitStatus(String id, String status) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (Instant.now().isBefore(deadline)) {
      JsonNode request = request(id);
      if (request.path("status").asString().equals(status)) {
        return request;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(id + " never reached " + status + ": " + request(id));
  }

  CertificateRequest stored(String id) {
    return service.useCases().getRequest().get(new RequestQuery(CALLER, id)).get();
  }

  SandboxCharges charges(String id, VisengineSandbox upstream) {
    return upstream.chargesFor(stored(id).upstreamId().get().value());
  }

  /** The upstream calls of these kinds made so far. */
  long remoteCalls(RemoteCallKind... kinds) {
    return service
        .useCases()
        .remoteCalls()
        .filterKeys(List.of(kinds)::contains)
        .values()
        .sum()
        .longValue();
  }

  /** The names of a ZIP's entries and the first bytes of each. */
  static io.vavr.collection.Map<String, String> zipEntries(byte[] zip) throws IOException {
    io.vavr.collection.Map<String, String> entries = HashMap.empty();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] head = in.readNBytes(5);
        entries = entries.put(entry.getName(), new String(head, StandardCharsets.ISO_8859_1));
      }
    }
    return entries;
  }

  /** The request's document, streamed to a file in the directory. */
  byte[] download(String id, Path directory) throws IOException {
    Path file = directory.resolve(id + ".zip");
    Answer answer =
        send(
            call("/api/v1/requests/" + id + "/document").GET(),
            HttpResponse.BodyHandlers.ofFile(file),
            saved -> JSON.missingNode());
    byte[] body = Files.readAllBytes(file);
    assertThat(answer.status())
        .as("download: %s", new String(body, StandardCharsets.UTF_8))
        .isEqualTo(200);
    return body;
  }

  /** Downloads the request's document and checks that it holds PDFs, and nothing else. */
  void downloadsPdfs(String id, Path directory) throws IOException {
    assertThat(zipEntries(download(id, directory)).values())
        .isNotEmpty()
        .allMatch(head -> head.startsWith("%PDF"));
  }

  /** A small PDF as a file field value: {@code name|data:application/pdf;base64,…}. */
  static String pdfField(String name) {
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    return name + "|data:application/pdf;base64," + Base64.getEncoder().encodeToString(pdf);
  }

  static Map<String, String> familyStatus(String birthDate) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("$0", "Mario");
    values.put("$1", "Rossi");
    values.put("$2", birthDate);
    values.put("$3", "Italia");
    values.put("$4", "San Giuliano Terme");
    values.put("$5", "PI");
    values.put("$6", "G702");
    values.put("$7", MARIO_ROSSI);
    return values;
  }

  /** DocuEngine's family-status form, for Mario Rossi. */
  static Map<String, String> docuFamilyStatus() {
    return DocuEngineForms.familyStatus();
  }

  static Map<String, String> residence() {
    return Map.of(
        "$0", "Mario", "$1", "Rossi", "$2", "1985-12-10", "$3", "G702", "$4", MARIO_ROSSI);
  }

  static List<String> texts(JsonNode array, String field) {
    return List.ofAll(array).map(node -> node.path(field).asString());
  }

  @Override
  public void close() {
    service.close();
  }
}

package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/** The {@code /_sandbox} control API: faults, scripted outcomes, wallet, clock, documents. */
class ControlApiTest {

  private final SandboxHttp api = SandboxHttp.start();

  @AfterEach
  void stop() {
    api.close();
  }

  private Response arm(String fault) {
    Response armed = api.post("/_sandbox/faults", fault);
    assertThat(armed.status()).as(armed.raw()).isEqualTo(200);
    return armed;
  }

  @Test
  void failsTheNextCallsOfARouteWithoutTouchingState() {
    arm("{\"route\":\"POST /richiesta\",\"type\":\"fail\",\"status\":503,\"times\":2}");
    String body =
        "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
            .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);

    for (int call = 0; call < 2; call++) {
      Response failed = api.post("/richiesta", body);
      assertThat(failed.status()).isEqualTo(503);
      assertThat(failed.json().path("success").asBoolean()).isFalse();
    }
    assertThat(api.get("/richiesta").error()).isEqualTo(203);
    assertThat(api.post("/richiesta", body).status()).isEqualTo(200);
    assertThat(api.get("/_sandbox/faults").data()).isEmpty();
  }

  @Test
  void dropsTheResponseAfterTheChangeIsCommitted() {
    arm("{\"route\":\"PUT /richiesta/{id}\",\"type\":\"drop\"}");
    String draft =
        api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS, "\"state\":0");

    assertThatThrownBy(() -> api.put("/richiesta/" + draft, "{\"state\":1}"))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(api.get("/richiesta/" + draft).data().path("state").asInt()).isEqualTo(1);
    Response charges = api.get("/_sandbox/requests/" + draft + "/charges");
    assertThat(charges.data().path("calls").asInt()).isEqualTo(1);
    assertThat(charges.data().at("/charges/0/kind").asString()).isEqualTo("close");
    // The client's retry of the close learns the truth: already closed, nothing charged again.
    assertThat(api.put("/richiesta/" + draft, "{\"state\":1}").error()).isEqualTo(239);
    assertThat(api.sandbox.chargesFor(draft).calls()).isEqualTo(1);
  }

  @Test
  void delaysCallsOfEveryRouteUntilCleared() {
    arm("{\"route\":\"*\",\"type\":\"delay\",\"millis\":150,\"times\":0}");

    long started = System.nanoTime();
    assertThat(api.get("/visure").status()).isEqualTo(200);
    assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(150_000_000L);
    assertThat(api.get("/_sandbox/faults").data().get(0).path("times").asInt()).isZero();

    assertThat(api.delete("/_sandbox/faults", "").data()).isEmpty();
  }

  @Test
  void awaitingQuietLastsUntilACallHeldByADelayHasBeenServed() throws Exception {
    arm("{\"route\":\"POST /richiesta\",\"type\":\"delay\",\"millis\":500}");
    String body =
        "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
            .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);
    CompletableFuture<Response> slow =
        CompletableFuture.supplyAsync(() -> api.post("/richiesta", body));
    awaitTheArmedFaultsTaken();

    assertThat(api.sandbox.awaitQuiet(Duration.ofSeconds(10))).isTrue();

    assertThat(api.get("/richiesta").data().size()).as("requests the held call made").isEqualTo(1);
    assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  /** Waits until the calls the faults were armed for have taken them. */
  private void awaitTheArmedFaultsTaken() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!api.get("/_sandbox/faults").data().isEmpty()) {
      assertThat(System.nanoTime()).as("the armed faults are taken").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void refusesFaultsItCannotArm() {
    assertThat(api.post("/_sandbox/faults", "{\"route\":\"GET /nope\",\"type\":\"fail\"}").status())
        .isEqualTo(400);
    assertThat(api.post("/_sandbox/faults", "{\"route\":\"*\",\"type\":\"explode\"}").status())
        .isEqualTo(400);
    assertThat(
            api.post("/_sandbox/faults", "{\"route\":\"*\",\"type\":\"fail\",\"status\":200}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void scriptsARequestToEndCancelled() {
    String id = api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);

    Response scripted =
        api.post(
            "/_sandbox/requests/" + id + "/outcome",
            "{\"outcome\":\"annullata\",\"motivo\":\"ufficio chiuso\"}");
    assertThat(scripted.data().path("stato_richiesta").asString()).isEqualTo("In erogazione");
    api.finishAll();

    JsonNode request = api.get("/richiesta/" + id).data();
    assertThat(request.path("stato_richiesta").asString()).isEqualTo("Annullata");
    assertThat(request.path("motivo_annullamento").asString()).isEqualTo("ufficio chiuso");
    assertThat(request.path("allegati")).isEmpty();
    assertThat(api.get("/documento/" + id).error()).isEqualTo(247);
  }

  @Test
  void scriptsARequestToEndWithAnErrorOutcome() {
    String id = api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);
    api.post(
        "/_sandbox/requests/" + id + "/outcome",
        "{\"outcome\":\"errore\",\"codice\":\"102\",\"info\":\"REA inesistente\"}");
    api.finishAll();

    JsonNode request = api.get("/richiesta/" + id).data();
    assertThat(request.path("stato_richiesta").asString()).isEqualTo("Visura evasa");
    assertThat(request.at("/esito/codice").asString()).isEqualTo("102");
    assertThat(request.at("/esito/info").asString()).isEqualTo("REA inesistente");
    assertThat(api.get("/documento/" + id).error()).isEqualTo(247);
  }

  @Test
  void aSearchWaitingForAChoiceIsCancelledAtOnce() {
    String id = api.searchFor("alfa");
    Response cancelled =
        api.post("/_sandbox/requests/" + id + "/outcome", "{\"outcome\":\"annullata\"}");
    assertThat(cancelled.data().path("stato_richiesta").asString()).isEqualTo("Annullata");
    assertThat(
            api.post("/_sandbox/requests/" + id + "/outcome", "{\"outcome\":\"errore\"}").status())
        .isEqualTo(400);
  }

  @Test
  void readsAndSetsTheWalletAndAdvancesTheClock() {
    assertThat(api.get("/_sandbox/wallet").data().path("balance").asInt()).isEqualTo(10_000);
    assertThat(api.put("/_sandbox/wallet", "{\"balance\":12.5}").data().path("balance").asDouble())
        .isEqualTo(12.5);
    assertThat(api.sandbox.balance()).isEqualByComparingTo("12.5");

    String id = api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);
    long before = api.sandbox.now().getEpochSecond();
    Response advanced = api.post("/_sandbox/clock/advance", "{\"seconds\":120}");
    assertThat(advanced.data().path("now").asLong()).isGreaterThanOrEqualTo(before + 120);
    assertThat(api.get("/richiesta/" + id).data().path("stato_richiesta").asString())
        .isEqualTo("Visura evasa");
  }

  @Test
  void streamsALargeDocumentOfTheRequestedSize() throws Exception {
    long size = 20L * 1024 * 1024;
    String id = api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);
    api.post("/_sandbox/requests/" + id + "/document", "{\"size_bytes\":" + size + "}");
    api.finishAll();

    HttpResponse<InputStream> response =
        api.client()
            .send(
                HttpRequest.newBuilder(api.uri("/documento/" + id))
                    .header("Authorization", "Bearer " + api.sandbox.token())
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    long declared = -1;
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (JsonParser parser = Json.MAPPER.createParser(response.body())) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("dimensione")) {
          parser.nextToken();
          declared = parser.getLongValue();
        } else if (token == JsonToken.PROPERTY_NAME && parser.currentName().equals("file")) {
          parser.nextToken();
          parser.readBinaryValue(zip);
        }
      }
    }

    assertThat(declared).isEqualTo(size);
    assertThat(zip.size()).isEqualTo(size);
    Map<String, byte[]> entries = Pdfs.unzip(zip.toByteArray());
    assertThat(entries).containsKeys(id + ".pdf", id + "_filler.bin");
    Pdfs.assertValidPdf(Pdfs.entry(entries, id + ".pdf"));
  }

  @Test
  void reportsChargesPerRequest() {
    String id = api.searchFor("alfa");
    ErrorScenarios.choose(api, id, 0);

    JsonNode charges = api.get("/_sandbox/requests/" + id + "/charges").data();
    assertThat(charges.path("calls").asInt()).isEqualTo(2);
    assertThat(charges.path("amount").asDouble()).isEqualTo(5.16);
    assertThat(charges.path("charges").findValuesAsString("kind"))
        .containsExactly("close", "selection");
  }
}

package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code /_sandbox} control API and its faults, applied to DocuEngine requests. */
class DocuEngineControlTest {

  private final SandboxHttp api = SandboxHttp.start();

  @AfterEach
  void stop() {
    api.close();
  }

  private void arm(String fault) {
    Response armed = api.post("/_sandbox/faults", fault);
    assertThat(armed.status()).as(armed.raw()).isEqualTo(200);
  }

  @Test
  void aDroppedCloseIsCommittedAndItsRetryIsRefusedWithoutASecondCharge() {
    arm("{\"route\":\"PATCH /requests/{id}\",\"type\":\"drop\"}");
    String draft = api.draft(SandboxHttp.STATUTO);

    assertThatThrownBy(() -> api.patch("/requests/" + draft, "{\"state\":\"SEARCH\"}"))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(api.get("/requests/" + draft).data().path("state").asString()).isEqualTo("WAIT");
    assertThat(api.patch("/requests/" + draft, "{\"state\":\"SEARCH\"}").error()).isEqualTo(300);
    JsonNode charges = api.get("/_sandbox/requests/" + draft + "/charges").data();
    assertThat(charges.path("calls").asInt()).isEqualTo(1);
    assertThat(charges.at("/charges/0/kind").asString()).isEqualTo("close");
  }

  @Test
  void anInjectedFailureChangesNothing() {
    arm("{\"route\":\"POST /requests\",\"type\":\"fail\",\"status\":503}");

    Response failed = api.post("/requests", DocuEngineErrorScenarios.closedStatuto());

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.json().path("success").asBoolean()).isFalse();
    assertThat(api.get("/requests").error()).isEqualTo(221);
    assertThat(api.sandbox.balance()).isEqualByComparingTo(SandboxSettings.DEFAULT_BALANCE);
  }

  @Test
  void faultsApplyToTheStorageToo() throws Exception {
    JsonNode file = deliveredFile();
    arm("{\"route\":\"" + DocuEngineApi.STORAGE_ROUTE + "\",\"type\":\"fail\",\"status\":503}");

    HttpResponse<byte[]> failed = download(file);
    HttpResponse<byte[]> served = download(file);

    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(served.statusCode()).isEqualTo(200);
  }

  @Test
  void anInjectedStorageFailureIsAnsweredInTheStoragesXml() throws Exception {
    JsonNode file = deliveredFile();
    arm("{\"route\":\"" + DocuEngineApi.STORAGE_ROUTE + "\",\"type\":\"fail\",\"status\":503}");

    HttpResponse<byte[]> failed = download(file);

    assertThat(failed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
    assertThat(new String(failed.body(), StandardCharsets.UTF_8))
        .contains("<Code>InternalError</Code>")
        .doesNotContain("success");
  }

  /** A delivered Statuto's file entry from {@code GET /requests/{id}/documents}. */
  private JsonNode deliveredFile() {
    String id = api.request(DocuEngineErrorScenarios.closedStatuto());
    api.finishAll();
    return api.get("/requests/" + id + "/documents").data().get(0);
  }

  private HttpResponse<byte[]> download(JsonNode file) throws Exception {
    return api.client()
        .send(
            HttpRequest.newBuilder(URI.create(file.path("downloadUrl").asString())).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aCorruptedDownloadKeepsItsSizeButNotItsMd5() throws Exception {
    JsonNode file = deliveredFile();
    arm("{\"route\":\"" + DocuEngineApi.STORAGE_ROUTE + "\",\"type\":\"corrupt\"}");

    byte[] corrupted = download(file).body();

    assertThat(Long.toString(corrupted.length)).isEqualTo(file.path("fileSize").asString());
    assertThat(
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(corrupted)))
        .isNotEqualTo(file.path("md5").asString());
    byte[] intact = download(file).body();
    assertThat(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(intact)))
        .isEqualTo(file.path("md5").asString());
  }

  @Test
  void aTruncatedDownloadEndsBeforeItsAnnouncedLength() {
    JsonNode file = deliveredFile();
    arm("{\"route\":\"" + DocuEngineApi.STORAGE_ROUTE + "\",\"type\":\"truncate\"}");

    assertThatThrownBy(() -> download(file)).isInstanceOf(IOException.class);
  }

  @Test
  void damageFaultsArmOnlyForDownloads() {
    Response refused =
        api.post("/_sandbox/faults", "{\"route\":\"GET /requests/{id}\",\"type\":\"corrupt\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(api.get("/_sandbox/faults").data()).isEmpty();
  }

  @Test
  void scriptsARequestToEndCancelledWithAReason() {
    String id = api.request(DocuEngineErrorScenarios.closedStatuto());

    Response scripted =
        api.post(
            "/_sandbox/requests/" + id + "/outcome",
            "{\"outcome\":\"cancelled\",\"reason\":\"ufficio chiuso\"}");
    assertThat(scripted.data().path("state").asString()).isEqualTo("WAIT");
    api.finishAll();

    JsonNode request = api.get("/requests/" + id).data();
    assertThat(request.path("state").asString()).isEqualTo("CANCELLED");
    assertThat(request.path("cancellationReason").asString()).isEqualTo("ufficio chiuso");
    assertThat(request.at("/timestamps/CANCELLED").isNumber()).isTrue();
    assertThat(api.get("/requests/" + id + "/documents").error()).isEqualTo(225);
    assertThat(api.sandbox.chargesFor(id).amount()).isEqualByComparingTo("4.9");
  }

  @Test
  void scriptsAStateBeyondTheVendorsEnumForTolerantClients() {
    String id = api.draft(SandboxHttp.STATUTO);

    Response failed = api.post("/_sandbox/requests/" + id + "/outcome", "{\"outcome\":\"failed\"}");

    assertThat(failed.data().path("state").asString()).isEqualTo("FAILED");
    assertThat(api.get("/requests").data().get(0).path("state").asString()).isEqualTo("FAILED");
  }

  @Test
  void aRequestThatHasEndedTakesNoOtherOutcome() {
    String id = api.draft(SandboxHttp.STATUTO);
    api.post("/_sandbox/requests/" + id + "/outcome", "{\"outcome\":\"failed\"}");

    Response refused = api.post("/_sandbox/requests/" + id + "/outcome", "{\"outcome\":\"error\"}");

    assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
    assertThat(api.get("/requests/" + id).data().path("state").asString()).isEqualTo("FAILED");
  }

  @Test
  void anOutcomeDocuEngineDoesNotKnowIsRefused() {
    String id = api.draft(SandboxHttp.STATUTO);

    Response refused =
        api.post("/_sandbox/requests/" + id + "/outcome", "{\"outcome\":\"annullata\"}");

    assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
    assertThat(api.get("/requests/" + id).data().path("state").asString()).isEqualTo("NEW");
  }

  @Test
  void aPaddedFileIsStillAValidPdf() throws Exception {
    String id = api.request(DocuEngineErrorScenarios.closedStatuto());
    api.post("/_sandbox/requests/" + id + "/document", "{\"size_bytes\":100001}");
    api.finishAll();
    String url = api.get("/requests/" + id + "/documents").data().at("/0/downloadUrl").asString();

    byte[] pdf =
        api.client()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();

    assertThat(pdf).hasSize(100_001);
    Pdfs.assertValidPdf(pdf);
  }

  @Test
  void aDocumentMadeUnavailableRefusesNewRequestsUntilAvailableAgain() {
    api.put("/_sandbox/documents/" + SandboxHttp.STATUTO, "{\"available\":false}");
    Response refused = api.post("/requests", DocuEngineErrorScenarios.closedStatuto());
    api.put("/_sandbox/documents/" + SandboxHttp.STATUTO, "{\"available\":true}");

    assertThat(refused.status()).isEqualTo(417);
    assertThat(refused.message())
        .isEqualTo("document Statuto not available at the moment, please try again later");
    assertThat(api.post("/requests", DocuEngineErrorScenarios.closedStatuto()).status())
        .isEqualTo(200);
  }

  @Test
  void oneWalletServesBothEngines() {
    api.sandbox.setBalance(new BigDecimal("10"));
    api.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);
    api.request(DocuEngineErrorScenarios.closedStatuto());

    Response refused =
        api.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
                .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS));

    assertThat(api.get("/_sandbox/wallet").data().path("balance").asDouble()).isEqualTo(0.2);
    assertThat(refused.status()).isEqualTo(402);
  }
}

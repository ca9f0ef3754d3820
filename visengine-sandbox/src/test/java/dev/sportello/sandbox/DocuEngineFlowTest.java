package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DocuEngine requests from draft to downloaded PDF, one per kind of document, with the exact
 * charges of each step.
 */
class DocuEngineFlowTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  @Test
  void aDraftIsKeptUnchargedWithItsValues() {
    long start = API.sandbox.now().getEpochSecond();

    String id = API.draft(SandboxHttp.STATUTO);

    JsonNode draft = API.get("/requests/" + id).data();
    assertThat(id).matches("[0-9a-f]{24}");
    assertThat(draft.path("state").asString()).isEqualTo("NEW");
    assertThat(draft.at("/timestamps/NEW").asLong()).isBetween(start, start + 5);
    assertThat(draft.at("/readableSearch/taxCode").asString()).isEqualTo(SandboxHttp.COMPANY_VAT);
    assertThat(API.sandbox.chargesFor(id).calls()).isZero();
  }

  @Test
  void closingADraftOfADocumentWithoutSearchChargesTheDocumentOnce() {
    String id = API.draft(SandboxHttp.STATUTO);

    JsonNode closed = API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}").data();

    assertThat(closed.path("state").asString()).isEqualTo("WAIT");
    assertThat(closed.path("documents").isNull()).isTrue();
    assertThat(API.sandbox.chargesFor(id).calls()).isEqualTo(1);
    assertThat(API.sandbox.chargesFor(id).amount()).isEqualByComparingTo("4.9");
  }

  @Test
  void aClosedRequestIsDoneOneOperatorStepLaterWithItsDocument() {
    String id = API.draft(SandboxHttp.STATUTO);
    API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}");

    API.sandbox.advance(Duration.ofMinutes(1));

    JsonNode done = API.get("/requests/" + id).data();
    assertThat(done.path("state").asString()).isEqualTo("DONE");
    assertThat(done.at("/documents/0").asString()).isEqualTo(id + "_0.pdf");
    assertThat(done.at("/timestamps/DONE").asLong())
        .isEqualTo(done.at("/timestamps/WAIT").asLong() + 60);
  }

  @Test
  void aDoneRequestsFileIsItsPdfAndCostsNothingMore() throws Exception {
    String id = API.draft(SandboxHttp.STATUTO);
    API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}");
    API.sandbox.advance(Duration.ofMinutes(1));

    assertThat(Pdfs.assertValidPdf(downloadTheOnlyFile(id))).contains("Statuto");
    assertThat(API.sandbox.chargesFor(id).calls()).isEqualTo(1);
    assertThat(API.sandbox.chargesFor(id).amount()).isEqualByComparingTo("4.9");
  }

  @Test
  void aDocumentWithSearchChargesTheSearchOnClosingAndTheDocumentOnChoosing() throws Exception {
    String id = API.draft(SandboxHttp.BILANCIO_OTTICO);

    JsonNode searching = API.patch("/requests/" + id, "{\"state\":\"SEARCH\"}").data();
    assertThat(searching.path("state").asString()).isEqualTo("SEARCH");
    assertThat(searching.path("results").isNull()).isTrue();
    assertThat(API.sandbox.chargesFor(id).amount()).isEqualByComparingTo("0.1");

    API.sandbox.advance(Duration.ofMinutes(1));
    JsonNode found = API.get("/requests/" + id).data();
    assertThat(found.path("state").asString()).isEqualTo("SEARCH");
    assertThat(found.path("results")).hasSize(3);
    String resultId = found.at("/results/1/id").asString();
    assertThat(resultId).matches("[0-9a-f]{32}");
    assertThat(found.at("/results/1/data/balanceSheetTypeCode").asString()).isEqualTo("710");

    JsonNode chosen = API.patch("/requests/" + id, "{\"resultId\":\"" + resultId + "\"}").data();
    assertThat(chosen.path("state").asString()).isEqualTo("WAIT");
    assertThat(chosen.path("resultId").asString()).isEqualTo(resultId);

    API.sandbox.advance(Duration.ofMinutes(1));
    assertThat(API.get("/requests/" + id).data().path("state").asString()).isEqualTo("DONE");
    assertThat(Pdfs.assertValidPdf(downloadTheOnlyFile(id))).contains("Bilancio Ottico");
    SandboxCharges charges = API.sandbox.chargesFor(id);
    assertThat(charges.calls()).isEqualTo(2);
    assertThat(charges.amount()).isEqualByComparingTo(new BigDecimal("4.5"));
  }

  @Test
  void aCertificatePostedWithoutStateIsProcessedAndChargedAtOnceWithItsOptions() {
    Response created =
        API.post(
            "/requests",
            "{\"documentId\":\"%s\",\"search\":%s,\"selectedOptions\":[\"urgenza\"]}"
                .formatted(SandboxHttp.FAMILY_STATUS_STAMPED, personFields()));

    JsonNode request = created.data();
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    assertThat(request.path("state").asString()).isEqualTo("WAIT");
    assertThat(request.path("timestamps").has("NEW")).isFalse();
    assertThat(request.path("optionsPrice").asInt()).isEqualTo(4);
    assertThat(request.path("totalPrice").asDouble()).isEqualTo(13.9);
    assertThat(request.at("/readableSearch/lastName").asString()).isEqualTo("Rossi");
    assertThat(API.sandbox.chargesFor(request.path("id").asString()).amount())
        .isEqualByComparingTo("13.9");
  }

  @Test
  void anExemptCertificateNeedsAReasonButNoProof() {
    String without =
        "{\"documentId\":\"%s\",\"search\":%s}"
            .formatted(SandboxHttp.FAMILY_STATUS_EXEMPT, personFields());
    Response refused = API.post("/requests", without);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo(300);
    assertThat(refused.message()).contains("field7 (exemptionReason) is required");

    String withReason = personFields().replace("}", ",\"field7\":\"PENSIONE\"}");
    Response accepted =
        API.post(
            "/requests",
            "{\"documentId\":\"%s\",\"search\":%s}"
                .formatted(SandboxHttp.FAMILY_STATUS_EXEMPT, withReason));
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
    assertThat(accepted.data().path("documentPrice").asDouble()).isEqualTo(9.9);
  }

  @Test
  void theAttoOtticoSearchFindsTheActsOfTheAskedGroup() {
    String id =
        API.request(
            "{\"documentId\":\"%s\",\"search\":{\"field0\":\"%s\",\"field1\":\"A06\"}}"
                .formatted(SandboxHttp.ATTO_OTTICO, SandboxHttp.COMPANY_VAT));
    API.sandbox.advance(Duration.ofMinutes(1));

    JsonNode results = API.get("/requests/" + id).data().path("results");
    assertThat(results).hasSize(1);
    assertThat(results.at("/0/data/actGroupCode").asString()).isEqualTo("A06");
    assertThat(API.sandbox.chargesFor(id).amount()).isEqualByComparingTo("0.6");
  }

  @Test
  void listsEveryRequestAsASummary() {
    String id = API.draft(SandboxHttp.VISURA_INGLESE);

    JsonNode summary = null;
    for (JsonNode entry : API.get("/requests").data()) {
      if (entry.path("id").asString().equals(id)) {
        summary = entry;
      }
    }
    assertThat(summary).isNotNull();
    assertThat(summary.propertyNames()).containsExactly("state", "timestamps", "name", "id");
    assertThat(summary.path("name").asString()).isEqualTo("Visura Camerale Inglese");
  }

  static String personFields() {
    return ("{\"field0\":\"Mario\",\"field1\":\"Rossi\",\"field2\":\"%s\",\"field3\":\"1985-12-10\","
            + "\"field4\":\"Roma\",\"field5\":\"Roma\",\"field6\":\"RM\"}")
        .formatted(SandboxHttp.PERSONAL_CF);
  }

  /** Downloads the request's only file from its signed URL and checks its size and MD5. */
  private static byte[] downloadTheOnlyFile(String id) throws Exception {
    JsonNode files = API.get("/requests/" + id + "/documents").data();
    assertThat(files).hasSize(1);
    JsonNode file = files.get(0);
    assertThat(file.path("fileName").asString()).isEqualTo(id + "_0.pdf");
    assertThat(file.path("mimeType").asString()).isEqualTo("application/pdf");
    byte[] pdf = download(file.path("downloadUrl").asString());
    assertThat(file.path("fileSize").asString()).isEqualTo(Integer.toString(pdf.length));
    assertThat(file.path("md5").asString())
        .isEqualTo(
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(pdf)));
    return pdf;
  }

  static byte[] download(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        API.client()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    return response.body();
  }
}

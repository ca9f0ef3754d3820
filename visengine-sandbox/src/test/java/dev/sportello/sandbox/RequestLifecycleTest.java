package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Creating, editing, closing, following and downloading requests, on the controllable clock. */
class RequestLifecycleTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  @Test
  void aClosedRequestPassesEveryStateAndDeliversItsDocument() {
    long start = API.sandbox.now().getEpochSecond();
    Response created =
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"json_visura\":%s}"
                .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS));
    JsonNode request = created.data();
    String id = request.path("_id").asString();

    assertThat(id).matches("[0-9a-f]{24}");
    assertThat(created.message()).isEmpty();
    assertThat(request.path("state").asInt()).isEqualTo(1);
    assertThat(request.path("stato_richiesta").asString()).isEqualTo("In erogazione");
    assertThat(request.path("timestamp_creation").asLong()).isBetween(start, start + 5);
    assertThat(request.at("/timestamp_stati/in_ricerca").asLong())
        .isEqualTo(request.at("/timestamp_stati/in_erogazione").asLong());
    assertThat(request.path("ricerche").get(0).path("id_ricerca").asString()).isEqualTo(id + "_0");
    assertThat(request.path("ricerche").get(0).path("json_risultato").isNull()).isTrue();
    assertThat(request.at("/ricerche/0/json_mappato/Cciaa").asString()).isEqualTo("RM");
    assertThat(request.at("/esito/codice").asString()).isEqualTo("0");
    assertThat(API.get("/documento/" + id).error()).isEqualTo(247);

    API.sandbox.advance(Duration.ofMinutes(1));
    JsonNode available = API.get("/richiesta/" + id).data();
    assertThat(available.path("stato_richiesta").asString()).isEqualTo("Dati disponibili");
    assertThat(available.path("allegati").get(0).asString()).isEqualTo(id + ".pdf");

    API.sandbox.advance(Duration.ofMinutes(1));
    JsonNode done = API.get("/richiesta/" + id).data();
    assertThat(done.path("stato_richiesta").asString()).isEqualTo("Visura evasa");
    JsonNode stamps = done.path("timestamp_stati");
    assertThat(stamps.path("dati_disponibili").asLong())
        .isEqualTo(stamps.path("in_erogazione").asLong() + 60);
    assertThat(stamps.path("visura_evasa").asLong())
        .isEqualTo(stamps.path("in_erogazione").asLong() + 120);
    assertThat(done.path("timestamp_last_update").asLong())
        .isEqualTo(stamps.path("visura_evasa").asLong());

    JsonNode document = API.get("/documento/" + id).data();
    assertThat(document.path("nome").asString()).isEqualTo(id + ".zip");
    byte[] zip = Base64.getDecoder().decode(document.path("file").asString());
    assertThat(document.path("dimensione").asLong()).isEqualTo(zip.length);
    Map<String, byte[]> entries = Pdfs.unzip(zip);
    assertThat(entries).containsOnlyKeys(id + ".pdf");
    assertThat(Pdfs.assertValidPdf(Pdfs.entry(entries, id + ".pdf")))
        .contains("Visura Camerale Ordinaria")
        .contains("Richiesta: " + id);
  }

  @Test
  void theA2ApplicationDeliversTwoPdfs() {
    String id =
        API.create(
            SandboxHttp.A2_APPLICATION,
            a2Fields(false),
            "\"opzioni\":{\"opzione_0\":true,\"opzione_1\":false}");
    API.finishAll();

    JsonNode request = API.get("/richiesta/" + id).data();
    assertThat(request.path("allegati")).hasSize(2);
    assertThat(request.path("opzioni")).hasSize(1);
    assertThat(request.at("/opzioni/0/tipo").asString()).isEqualTo("urgenza");
    Map<String, byte[]> entries =
        Pdfs.unzip(
            Base64.getDecoder().decode(API.get("/documento/" + id).data().path("file").asString()));
    assertThat(entries).containsOnlyKeys(id + ".pdf", id + "_1.pdf");
    entries.values().forEach(Pdfs::assertValidPdf);
    assertThat(
            new String(
                Pdfs.entry(entries, id + "_1.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("Ricevuta di presentazione");
  }

  @Test
  void aDraftIsNeitherValidatedNorChargedUntilClosed() {
    Response draft =
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"state\":0,\"json_visura\":{\"$0\":\"Mario\"}}"
                .formatted(SandboxHttp.RESIDENCE));
    String id = draft.data().path("_id").asString();

    assertThat(draft.data().path("state").asInt()).isZero();
    assertThat(draft.data().path("stato_richiesta").asString()).isEqualTo("In ricerca");
    assertThat(draft.data().path("timestamp_stati").isEmpty()).isTrue();
    assertThat(draft.data().path("ricerche").isEmpty()).isTrue();
    assertThat(API.sandbox.chargesFor(id).calls()).isZero();

    Response edited =
        API.put(
            "/richiesta/" + id,
            "{\"json_visura\":{\"$0\":\"Mario\",\"$1\":\"Rossi\",\"$2\":\"10-12-1985\"},"
                + "\"email_target\":\"mario@example.com\"}");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.data().path("state").asInt()).isZero();
    assertThat(edited.data().path("email_target").asString()).isEqualTo("mario@example.com");

    Response closed =
        API.put(
            "/richiesta/" + id,
            "{\"json_visura.$3\":\"H501\",\"json_visura.$4\":\"%s\",\"state\":1}"
                .formatted(SandboxHttp.PERSONAL_CF));
    assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
    assertThat(closed.data().path("state").asInt()).isEqualTo(1);
    assertThat(closed.data().path("stato_richiesta").asString()).isEqualTo("In erogazione");
    assertThat(closed.data().at("/ricerche/0/json_mappato/Cognome").asString()).isEqualTo("Rossi");
    assertThat(API.sandbox.chargesFor(id).calls()).isEqualTo(1);
  }

  @Test
  void aRefusedCloseLeavesTheDraftAsItWas() {
    String id = API.create(SandboxHttp.COMPANY_REPORT, "{\"$0\":\"1378273\"}", "\"state\":0");

    Response refused = API.put("/richiesta/" + id, "{\"json_visura.$1\":\"\",\"state\":1}");
    assertThat(refused.error()).isEqualTo(229);

    Response closed = API.put("/richiesta/" + id, "{\"json_visura.$1\":\"RM\",\"state\":1}");
    assertThat(closed.data().at("/ricerche/0/json_ricerca").asString())
        .isEqualTo("{\"$0\":\"1378273\",\"$1\":\"RM\"}");
  }

  @Test
  void aTestRequestIsValidatedAndPricedButNotKept() {
    Response test =
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"test\":true,\"json_visura\":%s,\"opzioni\":{\"opzione_0\":true}}"
                .formatted(SandboxHttp.FAMILY_STATUS, familyFields()));

    assertThat(test.status()).as(test.raw()).isEqualTo(200);
    assertThat(test.message()).isEqualTo("Test Request, deleting");
    assertThat(test.data().path("prezzo_visura").asInt()).isEqualTo(40);
    String id = test.data().path("_id").asString();
    assertThat(API.get("/richiesta/" + id).error()).isEqualTo(202);
    assertThat(API.sandbox.chargesFor(id).calls()).isZero();

    Response invalid =
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"test\":true,\"json_visura\":{}}"
                .formatted(SandboxHttp.FAMILY_STATUS));
    assertThat(invalid.error()).isEqualTo(250);
  }

  @Test
  void listsEveryRequestAsASummary() {
    String id = API.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);

    JsonNode list = API.get("/richiesta").data();
    JsonNode summary = null;
    for (JsonNode entry : list) {
      if (entry.path("_id").asString().equals(id)) {
        summary = entry;
      }
    }
    assertThat(summary).isNotNull();
    assertThat(summary.propertyNames())
        .containsExactly(
            "_id",
            "state",
            "hash_visura",
            "nome",
            "ricerca",
            "id_ricerca",
            "prezzo_visura",
            "prezzo_ricerca",
            "indice_ricerca",
            "stato_richiesta",
            "email_target",
            "timestamp_creation",
            "timestamp_last_update",
            "owner",
            "sincrona");
  }

  @Test
  void cancelsWithAReasonUntilTheDocumentIsReady() {
    String id = API.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);

    Response cancelled = API.delete("/richiesta/" + id, "{\"motivo\":\"ordered by mistake\"}");
    assertThat(cancelled.data().path("stato_richiesta").asString()).isEqualTo("Annullata");
    assertThat(cancelled.data().path("motivo_annullamento").asString())
        .isEqualTo("ordered by mistake");
    assertThat(cancelled.data().at("/timestamp_stati/annullata").isNumber()).isTrue();
    API.finishAll();
    assertThat(API.get("/richiesta/" + id).data().path("stato_richiesta").asString())
        .isEqualTo("Annullata");
    assertThat(API.delete("/richiesta/" + id, "{}").status()).isEqualTo(200);
    assertThat(API.put("/richiesta/" + id, "{\"state\":1}").error()).isEqualTo(239);

    String delivered = API.create(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS);
    API.finishAll();
    Response tooLate = API.delete("/richiesta/" + delivered, "{\"motivo\":\"late\"}");
    assertThat(tooLate.status()).isEqualTo(409);
    assertThat(API.delete("/richiesta/nothex", "{}").error()).isEqualTo(201);
  }

  @Test
  void echoesTheCallbackConfiguration() {
    Response created =
        API.post(
            "/richiesta",
            ("{\"hash_visura\":\"%s\",\"state\":0,\"json_visura\":%s,"
                    + "\"callback_data\":{\"url\":\"http://127.0.0.1:9/hook\",\"method\":\"JSON\","
                    + "\"field\":\"x\",\"data\":{\"ours\":42}}}")
                .formatted(SandboxHttp.COMPANY_REPORT, SandboxHttp.COMPANY_FIELDS));

    JsonNode callback = created.data().path("callback_data");
    assertThat(callback.path("url").asString()).isEqualTo("http://127.0.0.1:9/hook");
    assertThat(callback.path("method").asString()).isEqualTo("JSON");
    assertThat(callback.at("/data/ours").asInt()).isEqualTo(42);

    Response badUrl =
        API.post(
            "/richiesta",
            "{\"hash_visura\":\"%s\",\"state\":0,\"callback_data\":{\"url\":\"ftp:nowhere\"}}"
                .formatted(SandboxHttp.COMPANY_REPORT));
    assertThat(badUrl.error()).isEqualTo(250);
  }

  @Test
  void readsBodiesAsJsonWhateverTheContentTypeSaysAndToleratesSloppyJson() {
    Response created =
        API.post(
            "/richiesta",
            "{'hash_visura':'%s','json_visura':{'$0':'1378273','$1':'RM',},'state':'1',}"
                .formatted(SandboxHttp.COMPANY_REPORT));

    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    assertThat(created.data().path("state").asInt()).isEqualTo(1);
  }

  static String familyFields() {
    return ("{\"$0\":\"Mario\",\"$1\":\"Rossi\",\"$2\":\"1985-12-10\",\"$3\":\"Italia\","
            + "\"$4\":\"Roma\",\"$5\":\"RM\",\"$6\":\"H501\",\"$7\":\"%s\"}")
        .formatted(SandboxHttp.PERSONAL_CF);
  }

  static String a2Fields(boolean withMandate) {
    return ("{\"$0\":\"Amina\",\"$1\":\"Diallo\",\"$2\":\"amina@example.com\",\"$3\":\"3331234567\","
            + "\"$4\":\"%s\",\"$5\":\"%s\",\"$6\":\"%s\"%s}")
        .formatted(
            SandboxHttp.PERSONAL_CF,
            SandboxHttp.FILE,
            SandboxHttp.FILE,
            withMandate ? ",\"$7\":\"" + SandboxHttp.FILE + "\"" : "");
  }
}

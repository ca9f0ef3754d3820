package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Products with a search phase: candidates, added searches, choosing one, and failed searches. */
class SearchProductTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  @Test
  void stopsInRicercaWithCandidatesAsAJsonString() {
    String id = API.searchFor("alfa");
    API.finishAll();

    JsonNode request = API.get("/richiesta/" + id).data();
    assertThat(request.path("stato_richiesta").asString()).isEqualTo("In ricerca");
    assertThat(request.path("ricerca").asBoolean()).isTrue();
    assertThat(request.path("prezzo_ricerca").asDouble()).isEqualTo(0.38);
    JsonNode search = request.path("ricerche").get(0);
    assertThat(search.path("id_ricerca").asString()).isEqualTo(id + "_0");
    assertThat(search.path("stato_ricerca").asString()).isEqualTo("Ricerca evasa");
    assertThat(search.path("json_risultato").isString()).isTrue();
    JsonNode candidates = Json.read(search.path("json_risultato").asString());
    assertThat(candidates.propertyNames()).containsExactly("indice_0", "indice_1");
    assertThat(candidates.path("indice_0").path("Denominazione").asString()).startsWith("ALFA");
    assertThat(candidates.path("indice_0").path("NatGiu").has("!cod")).isTrue();
    assertThat(search.path("json_mappato").path("Denominazione/Ragione Sociale").asString())
        .isEqualTo("alfa");
    assertThat(API.get("/documento/" + id).error()).isEqualTo(247);
  }

  @Test
  void choosingAResultProducesTheDocumentForThatCompany() {
    String id = API.searchFor("alfa");

    Response chosen =
        API.put("/richiesta/" + id + "/ricerche", "{\"id_ricerca\":\"" + id + "_0\",\"indice\":1}");
    assertThat(chosen.data().path("stato_richiesta").asString()).isEqualTo("In erogazione");
    assertThat(chosen.data().path("id_ricerca").asString()).isEqualTo(id + "_0");
    assertThat(chosen.data().path("indice_ricerca").asInt()).isEqualTo(1);
    assertThat(chosen.data().at("/timestamp_stati/in_erogazione").isNumber()).isTrue();

    API.finishAll();
    assertThat(API.get("/richiesta/" + id).data().path("stato_richiesta").asString())
        .isEqualTo("Visura evasa");
    byte[] zip =
        Base64.getDecoder().decode(API.get("/documento/" + id).data().path("file").asString());
    String pdf = Pdfs.assertValidPdf(Pdfs.entry(Pdfs.unzip(zip), id + ".pdf"));
    assertThat(pdf).contains("ALFA LOGISTICA S.P.A.");

    Response again = ErrorScenarios.choose(API, id, 0);
    assertThat(again.error()).isEqualTo(230);
  }

  @Test
  void acceptsTheSdksIndiceKeyForm() {
    String id = API.searchFor("gamma");
    Response chosen =
        API.put(
            "/richiesta/" + id + "/ricerche",
            "{\"id_ricerca\":\"" + id + "_0\",\"indice\":\"indice_0\"}");
    assertThat(chosen.status()).as(chosen.raw()).isEqualTo(200);
  }

  @Test
  void refusesIndicesThatDoNotExist() {
    String id = API.searchFor("beta");

    assertThat(ErrorScenarios.choose(API, id, 5).error()).isEqualTo(233);
    assertThat(
            API.put("/richiesta/" + id + "/ricerche", "{\"id_ricerca\":\"nope\",\"indice\":0}")
                .error())
        .isEqualTo(233);
    assertThat(
            API.put(
                    "/richiesta/" + id + "/ricerche",
                    "{\"id_ricerca\":\"" + id + "_0\",\"indice\":\"x\"}")
                .error())
        .isEqualTo(233);
  }

  @Test
  void anAddedSearchAppendsARoundAndRestartsTheTimestamps() {
    String id = API.searchFor("alfa");

    Response added =
        API.post("/richiesta/" + id, "{\"json_visura\":{\"$0\":\"\",\"$1\":\"03500003037\"}}");
    JsonNode request = added.data();
    assertThat(request.path("ricerche")).hasSize(2);
    assertThat(request.at("/ricerche/1/id_ricerca").asString()).isEqualTo(id + "_1");
    JsonNode candidates = Json.read(request.at("/ricerche/1/json_risultato").asString());
    assertThat(candidates.at("/indice_0/Denominazione").asString())
        .isEqualTo("BETA COSTRUZIONI S.R.L.");
    assertThat(request.path("timestamp_stati").propertyNames()).containsExactly("in_ricerca");
  }

  @Test
  void aTaxCodeWithAWrongCheckDigitFailsTheSearchLikeTheVendorsExample() {
    String id = API.create(SandboxHttp.COMPANY_SEARCH, "{\"$1\":\"12345678910\",\"$0\":\"\"}");

    JsonNode request = API.get("/richiesta/" + id).data();
    assertThat(request.at("/ricerche/0/stato_ricerca").asString())
        .isEqualTo("Errore su richiesta dati");
    assertThat(request.at("/ricerche/0/json_risultato").isNull()).isTrue();
    assertThat(request.at("/esito/codice").asString()).isEqualTo("101");
    assertThat(request.path("stato_richiesta").asString()).isEqualTo("In ricerca");

    Response retried = API.post("/richiesta/" + id, "{\"json_visura\":{\"$1\":\"12345678911\"}}");
    assertThat(retried.data().at("/esito/codice").asString()).isEqualTo("0");
    assertThat(retried.data().at("/ricerche/1/stato_ricerca").asString())
        .isEqualTo("Ricerca evasa");
  }

  @Test
  void inventsCandidatesForNamesTheRegisterDoesNotKnow() {
    String id = API.searchFor("Trattoria da Gino");
    JsonNode candidates =
        Json.read(API.get("/richiesta/" + id).data().at("/ricerche/0/json_risultato").asString());
    String vat = candidates.at("/indice_0/PIva").asString();
    assertThat(candidates.at("/indice_0/Denominazione").asString())
        .isEqualTo("TRATTORIA DA GINO S.R.L.");
    assertThat(TaxCodes.isVatNumber(vat)).as(vat).isTrue();
  }
}

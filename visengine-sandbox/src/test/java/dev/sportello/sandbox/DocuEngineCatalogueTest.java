package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /documents}: the civil-registry certificates sold on DocuEngine. */
class DocuEngineCatalogueTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  private static Map<String, JsonNode> documentsByName() {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    API.get("/documents").data().forEach(entry -> byName.put(entry.path("name").asString(), entry));
    return byName;
  }

  private static JsonNode fieldsOf(String name) {
    JsonNode document = documentsByName().get(name);
    assertThat(document).as(name).isNotNull();
    return document.at("/requestStructure/fields");
  }

  @Test
  void sellsTheCivilRegistryCertificatesAtTheProductPagesPrices() {
    Map<String, JsonNode> documents = documentsByName();

    Map<String, Double> prices = new LinkedHashMap<>();
    for (String certificate :
        new String[] {
          "Certificato di Stato di Famiglia",
          "Certificato di Residenza",
          "Certificato di Residenza Storico"
        }) {
      prices.put(certificate + " - con bollo", 9.9);
      prices.put(certificate + " - esente bollo", 9.9);
    }
    prices.put("Estratto di Matrimonio", 23.4);
    prices.forEach((name, price) -> {
      JsonNode document = documents.get(name);
      assertThat(document).as(name).isNotNull();
      assertThat(document.path("documentPrice").asDouble()).as(name).isEqualTo(price);
      assertThat(document.path("totalPrice").asDouble()).as(name).isEqualTo(price);
      assertThat(document.path("hasSearch").asBoolean()).as(name).isFalse();
      assertThat(document.path("id").asString()).as(name).matches("[0-9a-f]{24}");
      assertThat(document.at("/options/0/name").asString()).as(name).isEqualTo("urgenza");
    });
  }

  @Test
  void anExemptCertificateAsksForAReasonFromAListAndOptionallyForAProof() {
    JsonNode fields = fieldsOf("Certificato di Residenza Storico - esente bollo");

    JsonNode reason = fields.path("field8");
    assertThat(reason.path("name").asString()).isEqualTo("exemptionReason");
    assertThat(reason.path("required").asBoolean()).isTrue();
    assertThat(reason.path("options").findValuesAsString("code"))
        .contains("PENSIONE", "PROCEDIMENTO_GIUDIZIARIO");
    JsonNode proof = fields.path("field9");
    assertThat(proof.path("type").asString()).isEqualTo("file");
    assertThat(proof.path("required").asBoolean()).isFalse();
  }

  @Test
  void aCertificateWithStampDutyAsksForNoExemption() {
    JsonNode fields = fieldsOf("Certificato di Stato di Famiglia - con bollo");

    assertThat(fields.findValuesAsString("name"))
        .doesNotContain("exemptionReason", "exemptionProof");
    assertThat(fields.path("field0").propertyNames())
        .containsExactly("name", "nameIT", "type", "required", "options", "help");
  }
}

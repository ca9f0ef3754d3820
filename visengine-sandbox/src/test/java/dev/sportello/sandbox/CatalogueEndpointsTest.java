package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxHttp.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /visure} and {@code GET /visure/{hash}}: the seeded catalogue, defects included. */
class CatalogueEndpointsTest {

  private static final SandboxHttp API = SandboxHttp.start();

  @AfterAll
  static void stop() {
    API.close();
  }

  @Test
  void listsAtLeastTenProductsWithTheVendorsHashes() {
    Response catalogue = API.get("/visure");

    assertThat(catalogue.status()).isEqualTo(200);
    assertThat(catalogue.json().path("success").asBoolean()).isTrue();
    assertThat(catalogue.json().path("error").isNull()).isTrue();
    List<String> hashes = new ArrayList<>();
    catalogue.data().forEach(entry -> hashes.add(entry.path("hash_visura").asString()));
    assertThat(hashes)
        .hasSizeGreaterThanOrEqualTo(10)
        .contains(
            SandboxHttp.COMPANY_REPORT,
            SandboxHttp.COMPANY_SEARCH,
            SandboxHttp.PERSON_REPORT,
            SandboxHttp.DURC,
            SandboxHttp.FAMILY_STATUS,
            SandboxHttp.A2_APPLICATION,
            SandboxHttp.VEHICLE_OWNERS);
    assertThat(catalogue.data().get(0).propertyNames())
        .containsExactly("nome_visura", "nome_categoria", "hash_visura");
  }

  @Test
  void servesTheFamilyStatusSchemaExactlyAsPublishedWithTheDuplicateKey() {
    Response product = API.get("/visure/" + SandboxHttp.FAMILY_STATUS);

    Matcher duplicate = Pattern.compile("\"\\$6\"\\s*:").matcher(product.raw());
    int occurrences = 0;
    while (duplicate.find()) {
      occurrences++;
    }
    assertThat(occurrences).isEqualTo(2);
    // Valid JSON for a strict reader (no trailing commas, no stray quotes) apart from that key.
    assertThat(
            tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(product.raw())
                .isObject())
        .isTrue();
    assertThat(product.raw()).doesNotContainPattern(",\\s*[}\\]]");
    JsonNode structure = product.data().path("json_struttura");
    assertThat(structure.path("validazione").asString())
        .isEqualTo("$0 && $1 && $2 && $3 && $4 && $5 && $6 && $7");
    assertThat(structure.path("campi").has("$7")).isFalse();
    assertThat(product.data().path("prezzo_visura").asInt()).isEqualTo(40);
    assertThat(product.data().path("opzioni").get(0).path("tipo").asString()).isEqualTo("urgenza");
  }

  @Test
  void servesTheA2ApplicationWithItsAlternativeRuleFilesAndExtras() {
    JsonNode a2 = API.get("/visure/" + SandboxHttp.A2_APPLICATION).data();

    assertThat(a2.path("json_struttura").path("validazione").asString()).contains(") || (");
    assertThat(a2.path("json_struttura").path("campi").path("$5").path("tipo").asString())
        .isEqualTo("file");
    assertThat(a2.path("opzioni").findValuesAsString("tipo"))
        .containsExactly("urgenza", "assistenza_dedicata");
    assertThat(a2.path("prezzo_visura").asInt()).isEqualTo(20);
  }

  @Test
  void describesTheOtherSeededKinds() {
    JsonNode company = API.get("/visure/" + SandboxHttp.COMPANY_REPORT).data();
    assertThat(company.path("json_struttura").path("campi").path("$0").path("nome").asString())
        .isEqualTo("NRea");
    assertThat(decode(company.path("json_struttura").path("istruzioni").asString()))
        .contains("<strong>Cciaa</strong>");

    JsonNode search = API.get("/visure/" + SandboxHttp.COMPANY_SEARCH).data();
    assertThat(search.path("ricerca").asBoolean()).isTrue();
    assertThat(search.path("prezzo_ricerca").asDouble()).isEqualTo(0.38);

    JsonNode person = API.get("/visure/" + SandboxHttp.PERSON_REPORT).data();
    assertThat(person.at("/json_struttura/campi/$0/tipo").asString())
        .isEqualTo("codice_fiscale_persona_fisica");

    JsonNode durc = API.get("/visure/" + SandboxHttp.DURC).data();
    assertThat(durc.at("/json_struttura/campi/$1/tipo").asString()).isEqualTo("file");
    assertThat(decode(durc.at("/json_struttura/istruzioni").asString())).contains("delega");

    JsonNode vehicles = API.get("/visure/" + SandboxHttp.VEHICLE_OWNERS).data();
    assertThat(vehicles.at("/json_struttura/campi/$0/tipo").asString()).isEqualTo("targa");
  }

  @Test
  void answersAnUnknownHashWith200Error() {
    Response unknown = API.get("/visure/00000000000000000000000000000000");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error()).isEqualTo(200);
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), java.nio.charset.StandardCharsets.UTF_8);
  }
}

package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** What the register finds is decided by the catalogue's ids and fields, not by names. */
class RegisterFilingsTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final DocuCatalogue CATALOGUE = DocuCatalogue.load();

  private static DocuDocument renamed(String id, String name) {
    DocuDocument document = CATALOGUE.find(id).orElseThrow();
    return new DocuDocument(
        document.id(),
        name,
        document.hasSearch(),
        document.documentPrice(),
        document.searchPrice(),
        document.options(),
        document.fields(),
        document.rule(),
        document.served());
  }

  private static List<DocuRequest.Result> resultsFor(DocuDocument document, String... values) {
    DocuRequest request = new DocuRequest("0123456789abcdef01234567", document, NOW);
    for (int i = 0; i < values.length; i++) {
      request.values.put("field" + i, values[i]);
    }
    return RegisterFilings.results(request, NOW);
  }

  @Test
  void aBalanceSheetDocumentFindsBalanceSheetsWhateverItIsCalled() {
    List<DocuRequest.Result> found =
        resultsFor(renamed(SandboxHttp.BILANCIO_OTTICO, "Financial statement"), "12345678903");

    assertThat(found).hasSize(3);
    assertThat(found.getFirst().data().path("balanceSheetTypeCode").asString()).isEqualTo("710");
  }

  @Test
  void anActIsDescribedAsTheDocumentsActGroupFieldDescribesIt() {
    DocuDocument atto = CATALOGUE.find(SandboxHttp.ATTO_OTTICO).orElseThrow();
    String described =
        atto.fieldNamed("actGroupCode").orElseThrow().choice("A06").orElseThrow().description();

    ObjectNode act = resultsFor(atto, "12345678903", "A06").getFirst().data();

    assertThat(act.path("actGroupDescription").asString()).isEqualTo(described);
  }

  @Test
  void aNameStartingLikeABalanceSheetDoesNotMakeOne() {
    DocuDocument atto = renamed(SandboxHttp.ATTO_OTTICO, "Bilancio di prova");

    assertThat(resultsFor(atto, "12345678903", "A06").getFirst().data().has("actGroupCode"))
        .isTrue();
  }
}

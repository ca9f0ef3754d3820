package dev.sportello.adapter.visengine;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.catalog.SchemaWarning;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private VisengineAdapter adapter;

  @BeforeEach
  void setUp() {
    adapter = Stub.adapter(server.baseUrl());
  }

  private Certificate describe(String hash, String answer) {
    server.stubFor(get("/visure/" + hash).willReturn(Stub.json(200, answer)));
    Either<RemoteFailure, Certificate> described = adapter.describe(new CertificateId(hash));
    assertThat(described.isRight()).as("%s", described).isTrue();
    return described.get();
  }

  private static String visura(String fields) {
    return "{\"data\":{\"hash_visura\":\""
        + Stub.HASH
        + "\",\"nome_visura\":\"Prova\",\"nome_categoria\":\"Camerali\","
        + fields
        + "},\"success\":true,\"message\":\"\",\"error\":null}";
  }

  @Test
  void listsThePublishedCatalogueWithBearerTokenAndUserAgent() {
    server.stubFor(
        get("/visure").willReturn(Stub.json(200, Stub.fixture("oas/get_visure_200.json"))));

    List<CatalogEntry> entries = adapter.listCertificates().get();

    assertThat(entries).hasSize(92);
    assertThat(entries.head())
        .isEqualTo(
            new CatalogEntry(
                new CertificateId(Stub.HASH),
                VisengineAdapter.ENGINE,
                "Visura Camerale Ordinaria - società di Capitale",
                "Camerali"));
    assertThat(entries.map(entry -> entry.id().value()))
        .contains("afa0b4cu7yd06226i5d89p00077c3j6t", "tot0b5cv7yd66626i5i90p00453c3p0u");
    server.verify(
        getRequestedFor(urlEqualTo("/visure"))
            .withHeader("Authorization", equalTo("Bearer " + Stub.TOKEN))
            .withHeader("User-Agent", equalTo(VisengineSettings.DEFAULT_USER_AGENT))
            .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void describesThePublishedExample() {
    Certificate certificate =
        describe(Stub.HASH, Stub.fixture("oas/get_visure_hash_visura_200.json"));

    assertThat(certificate.name()).isEqualTo("Visura Camerale Ordinaria - società di Capitale");
    assertThat(certificate.category()).isEqualTo("Camerali");
    assertThat(certificate.documentPrice()).isEqualTo(Money.ofCents(490));
    assertThat(certificate.searchPrice()).isEqualTo(Money.ZERO);
    assertThat(certificate.hasSearchPhase()).isFalse();
    assertThat(certificate.synchronous()).isFalse();
    assertThat(certificate.extras()).isEmpty();
    assertThat(certificate.schema().fields().map(FieldSpec::label))
        .containsExactly("NRea", "Cciaa");
    assertThat(certificate.schema().ruleText()).isEqualTo("$0 && $1  ");
    assertThat(certificate.schema().requirement()).isNotEmpty();
    assertThat(certificate.schema().warnings().map(SchemaWarning::code))
        .doesNotContain("duplicate_key", "malformed_key", "undefined_reference", "unknown_type");
    assertThat(certificate.instructions())
        .startsWith("<p>Per richiedere la Visura Camerale Ordinaria")
        .contains("<strong>Nrea</strong>");
    assertThat(certificate.searchInstructions()).isEmpty();
  }

  @Test
  void readsTheFamilyStatusPageAsPublished() {
    Certificate certificate =
        describe(
            "4c84e22bbabd5f25b0102bb3bfe82790", Stub.fixture("seeds/family-status-visura.json"));

    assertThat(certificate.name()).isEqualTo("Certificato stato di famiglia");
    assertThat(certificate.documentPrice()).isEqualTo(Money.ofCents(4000));
    assertThat(certificate.schema().declared()).hasSize(8);
    assertThat(certificate.schema().declared().map(field -> field.key()))
        .containsExactly("$0", "$1", "$2", "$3", "$4", "$5", "$6", "$6");
    // How the repeated key is read is the domain's schema reader's business; it is reported.
    assertThat(certificate.schema().warnings())
        .anyMatch(warning ->
            warning instanceof SchemaWarning.DuplicateKey duplicate
                && duplicate.key().equals(new FieldKey("$6"))
                && duplicate.label().equals("Codice Fiscale"));
    assertThat(certificate.extras()).hasSize(1);
    assertThat(certificate.extras().head().key()).isEqualTo("opzione_0");
    assertThat(certificate.extras().head().kind()).isEqualTo("urgenza");
    assertThat(certificate.extras().head().price()).isEqualTo(Money.ofCents(400));
  }

  @Test
  void readsTheA2PageAsPublished() {
    Certificate certificate =
        describe("2631ec9b62135de4186f509fea7d954b", Stub.fixture("seeds/a2-exam-visura.json"));

    assertThat(certificate.name()).isEqualTo("Domanda Esame A2 per Carta di Soggiorno");
    assertThat(certificate.schema().fields()).hasSize(8);
    assertThat(certificate.extras().map(extra -> extra.key()))
        .containsExactly("opzione_0", "opzione_1");
    assertThat(certificate.extras().map(extra -> extra.price()))
        .containsExactly(Money.ofCents(400), Money.ofCents(1000));
    assertThat(certificate.schema().requirement()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "1", "\"1\"", "\"true\""})
  void readsTheSearchFlagInEveryPublishedShape(String flag) {
    Certificate certificate =
        describe(Stub.HASH, visura("\"ricerca\":" + flag + ",\"prezzo_visura\":1"));
    assertThat(certificate.hasSearchPhase()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "0", "\"0\"", "null", "\"\""})
  void readsAMissingSearchPhase(String flag) {
    Certificate certificate =
        describe(Stub.HASH, visura("\"ricerca\":" + flag + ",\"prezzo_visura\":1"));
    assertThat(certificate.hasSearchPhase()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.9", "\"4.9\"", "\"4,90\"", "4.90", "\" 4.9 \""})
  void readsPricesAsNumbersOrNumericTexts(String price) {
    Certificate certificate =
        describe(
            Stub.HASH,
            visura(
                "\"prezzo_visura\":"
                    + price
                    + ",\"prezzo_ricerca\":\"0.38\",\"opzioni\":[{\"tipo\":\"urgenza\",\"prezzo\":\"4\",\"nome\":\"opzione_0\"}]"));
    assertThat(certificate.documentPrice()).isEqualTo(Money.ofCents(490));
    assertThat(certificate.searchPrice()).isEqualTo(Money.ofCents(38));
    assertThat(certificate.extras().head().price()).isEqualTo(Money.ofCents(400));
  }

  @Test
  void readsInstructionsThatAreEmptyPlainOrBase64() {
    String plain = "Inserire il codice fiscale della persona";
    String html = "<p>Scarica la <a href=\"https://example.org/delega.pdf\">delega</a></p>";
    String encoded =
        java.util.Base64.getEncoder()
            .encodeToString(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(structureInstructions("\"\"")).isEmpty();
    assertThat(structureInstructions("\"" + plain + "\"")).isEqualTo(plain);
    assertThat(structureInstructions("\"" + encoded + "\"")).isEqualTo(html);
    assertThat(structureInstructions("\"Nome\"")).isEqualTo("Nome");
    assertThat(structureInstructions("null")).isEmpty();
  }

  private String structureInstructions(String instructions) {
    return describe(
            Stub.HASH,
            visura(
                "\"prezzo_visura\":1,\"json_struttura\":{\"campi\":{},\"validazione\":\"\",\"istruzioni\":"
                    + instructions
                    + ",\"istruzioni_ricerca\":\"\"}"))
        .instructions();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "1", "\"1\"", "\"true\""})
  void readsTheEmptyFlagInEveryShape(String flag) {
    Certificate certificate =
        describe(
            Stub.HASH,
            visura(
                "\"prezzo_visura\":1,\"json_struttura\":{\"campi\":{\"$0\":{\"nome\":\"Nome\",\"tipo\":\"testo\",\"null\":"
                    + flag
                    + ",\"ordine\":2,\"istruzioni\":\"x\"}},\"validazione\":\"$0\"}"));
    FieldSpec field = certificate.schema().fields().head();
    assertThat(field.mayBeEmpty()).isTrue();
    assertThat(field.displayOrder()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "0", "\"0\"", "null", "\"false\""})
  void readsANonEmptyFlagInEveryShape(String flag) {
    Certificate certificate =
        describe(
            Stub.HASH,
            visura(
                "\"prezzo_visura\":1,\"json_struttura\":{\"campi\":{\"$0\":{\"nome\":\"Nome\",\"tipo\":\"testo\",\"null\":"
                    + flag
                    + "}},\"validazione\":\"$0\"}"));
    assertThat(certificate.schema().fields().head().mayBeEmpty()).isFalse();
  }

  @Test
  void ignoresUnknownFieldsAndAcceptsAnEmptyFieldListWrittenAsAnArray() {
    Certificate certificate =
        describe(
            Stub.HASH,
            visura(
                "\"prezzo_visura\":2,\"fornitori\":[{\"x\":1}],\"novita\":{\"a\":[1,2]},"
                    + "\"json_struttura\":{\"campi\":[],\"validazione\":\"\",\"altro\":true},\"opzioni\":null,"));

    assertThat(certificate.schema().fields()).isEmpty();
    assertThat(certificate.schema().warnings().map(SchemaWarning::code)).contains("missing_rule");
  }

  @Test
  void keepsDuplicateKeysInDocumentOrderAndWarnsAboutThem() {
    Certificate certificate =
        describe(
            Stub.HASH,
            visura(
                "\"prezzo_visura\":1,\"json_struttura\":{\"campi\":{"
                    + "\"$0\":{\"nome\":\"A\",\"tipo\":\"testo\",\"null\":false},"
                    + "\"$0\":{\"nome\":\"B\",\"tipo\":\"testo\",\"null\":false},},"
                    + "\"validazione\":\"$0\",}"));

    assertThat(certificate.schema().declared().map(field -> field.label()))
        .containsExactly("A", "B");
    assertThat(certificate.schema().warnings().map(SchemaWarning::code)).contains("duplicate_key");
    assertThat(certificate.schema().fields().map(FieldSpec::label)).containsExactly("A");
  }

  @Test
  void anUnknownHashIsRejected() {
    server.stubFor(
        get("/visure/" + Stub.HASH)
            .willReturn(Stub.json(400, Stub.fixture("oas/get_visure_hash_visura_400.json"))));

    assertThat(adapter.describe(new CertificateId(Stub.HASH)).getLeft())
        .isEqualTo(
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, "200", "wrong hash_visura"));
  }

  @Test
  void aDescriptionOfAnotherCertificateIsMalformed() {
    server.stubFor(
        get("/visure/a87ff679a2f3e71d9181a67b7542122c")
            .willReturn(Stub.json(200, Stub.fixture("oas/get_visure_hash_visura_200.json"))));

    assertThat(adapter.describe(new CertificateId("a87ff679a2f3e71d9181a67b7542122c")).getLeft())
        .isInstanceOf(RemoteFailure.Malformed.class);
  }

  @Test
  void badUpstreamDataIsMalformedNotAnException() {
    server.stubFor(
        get("/visure/" + Stub.HASH).willReturn(Stub.json(200, visura("\"prezzo_visura\":-3"))));
    assertThat(adapter.describe(new CertificateId(Stub.HASH)).getLeft())
        .isInstanceOf(RemoteFailure.Malformed.class);

    server.stubFor(
        get("/visure/" + Stub.HASH)
            .willReturn(Stub.json(200, visura("\"prezzo_visura\":\"tanto\""))));
    assertThat(adapter.describe(new CertificateId(Stub.HASH)).getLeft())
        .isInstanceOf(RemoteFailure.Malformed.class);

    server.stubFor(
        get("/visure").willReturn(Stub.ok("[{\"hash_visura\":\"short\",\"nome_visura\":\"X\"}]")));
    assertThat(adapter.listCertificates().getLeft()).isInstanceOf(RemoteFailure.Malformed.class);
  }
}

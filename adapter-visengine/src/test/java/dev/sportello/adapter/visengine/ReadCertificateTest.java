package dev.sportello.adapter.visengine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.catalog.SchemaWarning;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.shared.Money;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A certificate saved as Visengine publishes it reads as the adapter reads a fetched one. */
class ReadCertificateTest {

  /** A minimal product; {@code %s} takes the members under test. */
  private static final String PRODUCT =
      """
      {
        "hash_visura": "4c84e22bbabd5f25b0102bb3bfe82790",
        "nome_visura": " Certificato ",
        "nome_categoria": "Patronato",
        "prezzo_visura": 40,
        "json_struttura": {
          "campi": {"$0": {"nome": "Nome", "tipo": "testo", "null": false}},
          "validazione": "$0"
        }%s
      }
      """;

  private static Option<Either<String, Certificate>> readText(String json) {
    return VisengineAdapter.readCertificate(json);
  }

  private static Certificate read(String members) {
    return readText(PRODUCT.formatted(members)).get().get();
  }

  private static String problem(String json) {
    return readText(json).get().getLeft();
  }

  @Test
  void theSeedFamilyStatusPageReadsInItsEnvelope() {
    Certificate certificate = readText(Stub.fixture("seeds/family-status-visura.json")).get().get();

    assertThat(certificate.id().value()).isEqualTo("4c84e22bbabd5f25b0102bb3bfe82790");
    assertThat(certificate.schema().declared().map(field -> field.key()))
        .containsExactly("$0", "$1", "$2", "$3", "$4", "$5", "$6", "$6");
    assertThat(certificate.schema().field(new FieldKey("$7")).map(FieldSpec::type))
        .contains(new FieldType.TaxCode());
  }

  @Test
  void aCertificateWithoutItsEnvelopeReadsTheSame() {
    String json = Stub.fixture("seeds/family-status-visura.json");
    String bare = json.substring(json.indexOf('{', 1), json.lastIndexOf("\"success\"")).strip();

    assertThat(readText(bare.substring(0, bare.length() - 1)))
        .isEqualTo(readText(json))
        .isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"fields\": []}", "[]", "{\"data\": {\"nome_visura\": \"X\"}}"})
  void jsonWithoutAFormIsNotAVisengineCertificate(String json) {
    assertThat(readText(json)).isEmpty();
  }

  @Test
  void textThatIsNotJsonIsRefusedWithItsLocationAndNoContent() {
    assertThat(problem("{\n  \"hash_visura\": RSSMRA}"))
        .startsWith("not valid JSON (line 2")
        .doesNotContain("RSSMRA");
  }

  @Test
  void namesAreTrimmedAndMissingOptionalMembersTakeDefaults() {
    Certificate certificate = read("");

    assertThat(certificate.name()).isEqualTo("Certificato");
    assertThat(certificate.searchPrice()).isEqualTo(Money.ZERO);
    assertThat(certificate.hasSearchPhase()).isFalse();
    assertThat(certificate.extras()).isEmpty();
    assertThat(certificate.instructions()).isEmpty();
  }

  @Test
  void aFieldKeepsItsTipoAsThePublishedType() {
    assertThat(read("").schema().field(new FieldKey("$0")).map(FieldSpec::publishedType))
        .contains("testo");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "1", "\"1\"", "\"true\""})
  void theSearchFlagIsReadFromABooleanANumberOrAString(String flag) {
    assertThat(read(", \"ricerca\": " + flag).hasSearchPhase()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "0", "\"0\"", "null"})
  void theSearchFlagIsOffForFalseZeroOrNull(String flag) {
    assertThat(read(", \"ricerca\": " + flag).hasSearchPhase()).isFalse();
  }

  @Test
  void aFlagThatIsNeitherTrueNorFalseIsRefused() {
    assertThat(problem(PRODUCT.formatted(", \"ricerca\": \"maybe\"")))
        .startsWith("ricerca: not a flag");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"\"1\"|true", "1|true", "\"0\"|false", "0|false", "true|true"})
  void aFieldsEmptyFlagIsReadLeniently(String flag, boolean mayBeEmpty) {
    String json = PRODUCT.formatted("").replace("\"null\": false", "\"null\": " + flag);

    assertThat(readText(json).get().get().schema().field(new FieldKey("$0")))
        .map(FieldSpec::mayBeEmpty)
        .contains(mayBeEmpty);
  }

  @Test
  void pricesAreReadFromNumbersOrNumericStrings() {
    Certificate certificate =
        read(
            ", \"prezzo_ricerca\": \"0.38\", \"opzioni\": [{\"tipo\": \"urgenza\", \"prezzo\": 4.9}]");

    assertThat(certificate.searchPrice()).isEqualTo(Money.ofCents(38));
    assertThat(certificate.extras())
        .containsExactly(new Extra("opzione_0", "urgenza", Money.ofCents(490)));
  }

  @Test
  void aPriceThatIsNotANumberIsRefused() {
    assertThat(problem(PRODUCT.formatted(", \"prezzo_ricerca\": \"gratis\"")))
        .isEqualTo("prezzo_ricerca: not a number");
  }

  @Test
  void aNegativePriceIsRefused() {
    assertThat(
            problem(
                PRODUCT.formatted(", \"opzioni\": [{\"nome\": \"opzione_0\", \"prezzo\": -1}]")))
        .startsWith("the price of opzione_0: ")
        .contains("negative");
  }

  @Test
  void extrasMayBeNull() {
    assertThat(read(", \"opzioni\": null").extras()).isEmpty();
  }

  @Test
  void extrasThatAreNeitherAListNorAnObjectAreRefused() {
    assertThat(problem(PRODUCT.formatted(", \"opzioni\": 7")))
        .isEqualTo("the extras are neither a list nor an object");
  }

  @Test
  void instructionsInBase64HtmlAreDecoded() {
    String html = "<p>Allegare la delega firmata.</p>";
    String encoded = Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8));
    String json =
        PRODUCT
            .formatted("")
            .replace("\"validazione\"", "\"istruzioni\": \"" + encoded + "\", \"validazione\"");

    assertThat(readText(json).get().get().instructions()).isEqualTo(html);
  }

  @Test
  void instructionsInBase64BrokenIntoLinesAreDecoded() {
    String html = "<p>Allegare la delega firmata, compilata in ogni sua parte.</p>";
    String encoded =
        Base64.getMimeEncoder(16, "\r\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(html.getBytes(StandardCharsets.UTF_8));

    assertThat(WireReader.instructions(encoded)).isEqualTo(html);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Allegare la delega firmata.", "Nome", ""})
  void plainInstructionsAreKeptEvenWhenTheyHappenToBeBase64(String plain) {
    assertThat(WireReader.instructions(plain)).isEqualTo(plain);
  }

  @Test
  void aMalformedCertificateIdIsRefused() {
    String json = PRODUCT.formatted("").replace("4c84e22bbabd5f25b0102bb3bfe82790", "4c84e2");

    assertThat(problem(json))
        .isEqualTo("a hash_visura is malformed: it is not 32 letters or digits");
  }

  @Test
  void aFieldThatIsNotAnObjectIsRefused() {
    String json =
        PRODUCT
            .formatted("")
            .replace("{\"nome\": \"Nome\", \"tipo\": \"testo\", \"null\": false}", "\"Nome\"");

    assertThat(problem(json)).startsWith("json_struttura.campi: ");
  }

  @Test
  void aLabelThatIsNotTextIsRefused() {
    String json = PRODUCT.formatted("").replace("\"nome\": \"Nome\"", "\"nome\": [\"Nome\"]");

    assertThat(problem(json)).startsWith("json_struttura.campi.nome: ");
  }

  @Test
  void aFieldWithoutANumericOrdineIsShownByTheNumberInItsKey() {
    String json =
        PRODUCT
            .formatted("")
            .replace(
                "{\"$0\": {\"nome\": \"Nome\", \"tipo\": \"testo\", \"null\": false}}",
                "{\"$3\": {\"nome\": \"A\", \"ordine\": \"first\"}, \"$1\": {\"nome\": \"B\","
                    + " \"ordine\": \" 0 \"}}");

    Certificate certificate = readText(json).get().get();

    assertThat(certificate.schema().fields().map(FieldSpec::displayOrder)).containsExactly(0, 3);
    assertThat(certificate.schema().warnings())
        .contains(new SchemaWarning.UnknownType(new FieldKey("$3"), ""));
  }
}

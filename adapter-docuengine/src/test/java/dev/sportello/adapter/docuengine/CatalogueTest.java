package dev.sportello.adapter.docuengine;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.catalog.SchemaWarning;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /documents} read into certificates, tolerantly. */
class CatalogueTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String FAMILY =
      """
      {"id":"6751c0a41a241a5d1be0fa11","name":"Certificato di Stato di Famiglia - esente bollo",
       "category":"Patronato","hasSearch":false,"isSync":false,"documentPrice":9.9,"searchPrice":0,
       "options":[{"name":"urgenza","price":"4.00"}],
       "requestStructure":{"validation":"field0 && (field1 || field2)","help":"Compilare tutto",
        "fields":{
         "field0":{"name":"lastName","nameIT":"cognome","type":"string","required":true,
                   "help":"Cognome dell'intestatario"},
         "field1":{"name":"taxCode","nameIT":"codice fiscale","type":"taxCode","required":false},
         "field2":{"name":"reason","nameIT":"","type":"exemptionReason","required":false,
                   "options":[{"code":"PENSIONE","description":"Pratiche pensionistiche"}]},
         "field3":{"name":"colour","type":"colour","required":false}}}}
      """;

  private static final String SEARCHING =
      """
      {"id":"667443c29e6f0e447bc265aa","name":"Bilancio Ottico","category":"Camerali",
       "hasSearch":true,"isSync":true,"documentPrice":4.4,"searchPrice":0.1,"options":null,
       "requestStructure":{"validation":"field0","fields":{
         "field0":{"name":"taxCode","nameIT":"codice fiscale","type":"taxCode","required":true}}}}
      """;

  private DocuEngineAdapter adapter;

  @BeforeEach
  void setUp() {
    adapter = Stub.adapter(server.baseUrl());
  }

  private static void published(String... documents) {
    server.stubFor(get("/documents").willReturn(Stub.ok("[" + String.join(",", documents) + "]")));
  }

  private Certificate family() {
    published(FAMILY, SEARCHING);
    return adapter.describe(new CertificateId("6751c0a41a241a5d1be0fa11")).get();
  }

  @Test
  void everyDocumentIsListedWithItsEngine() {
    published(FAMILY, SEARCHING);

    assertThat(adapter.listCertificates().get().map(CatalogEntry::name))
        .containsExactly("Certificato di Stato di Famiglia - esente bollo", "Bilancio Ottico");
    assertThat(adapter.listCertificates().get().map(CatalogEntry::engine))
        .containsOnly(DocuEngineAdapter.ENGINE);
  }

  @Test
  void aMalformedDocumentIsLeftOutAndTheOthersAreRead() {
    published(
        "{\"id\":\"bad id!\",\"name\":\"x\",\"documentPrice\":1}",
        "{\"id\":\"6751c0a41a241a5d1be0fa19\",\"name\":\"no price\"}",
        "{\"id\":\"6751c0a41a241a5d1be0fa18\",\"name\":\"x\",\"documentPrice\":\"free\"}",
        "[]",
        SEARCHING);

    assertThat(adapter.listCertificates().get().map(entry -> entry.id().value()))
        .containsExactly("667443c29e6f0e447bc265aa");
  }

  @Test
  void aMalformedDocumentAskedForIsMalformed() {
    published("{\"id\":\"6751c0a41a241a5d1be0fa19\",\"name\":\"no price\"}");

    assertThat(adapter.describe(new CertificateId("6751c0a41a241a5d1be0fa19")).getLeft())
        .isInstanceOf(RemoteFailure.Malformed.class);
  }

  @Test
  void aDocumentNotPublishedIsNotFound() {
    published(SEARCHING);

    assertThat(adapter.describe(new CertificateId("6751c0a41a241a5d1be0fa11")).getLeft())
        .isInstanceOf(RemoteFailure.NotFound.class);
  }

  @Test
  void pricesFlagsAndOptionsAreRead() {
    published(FAMILY, SEARCHING);
    Certificate searching = adapter.describe(new CertificateId("667443c29e6f0e447bc265aa")).get();
    Certificate family = family();

    assertThat(family.documentPrice()).isEqualTo(Money.ofCents(990));
    assertThat(family.extras())
        .containsExactly(new Extra("urgenza", "urgenza", Money.ofCents(400)));
    assertThat(family.hasSearchPhase()).isFalse();
    assertThat(family.instructions()).isEqualTo("Compilare tutto");
    assertThat(searching.hasSearchPhase()).isTrue();
    assertThat(searching.synchronous()).isTrue();
    assertThat(searching.searchPrice()).isEqualTo(Money.ofCents(10));
    assertThat(searching.extras()).isEmpty();
  }

  @Test
  void fieldsKeepTheirWireKeysAndAreLabelledInItalian() {
    Certificate family = family();

    assertThat(family.schema().fields().map(FieldSpec::key))
        .containsExactly(
            new FieldKey("field0"),
            new FieldKey("field1"),
            new FieldKey("field2"),
            new FieldKey("field3"));
    FieldSpec surname = family.schema().field(new FieldKey("field0")).get();
    assertThat(surname.label()).isEqualTo("cognome");
    assertThat(surname.type()).isInstanceOf(FieldType.Text.class);
    assertThat(surname.mayBeEmpty()).isFalse();
    assertThat(surname.instructions()).isEqualTo("Cognome dell'intestatario");
    assertThat(family.schema().field(new FieldKey("field1")).get().type())
        .isInstanceOf(FieldType.TaxCode.class);
  }

  @Test
  void aFieldWithValuesToChooseIsTextListingThemAndLabelledInEnglishWithoutAnItalianName() {
    FieldSpec reason = family().schema().field(new FieldKey("field2")).get();

    assertThat(reason.label()).isEqualTo("reason");
    assertThat(reason.type()).isInstanceOf(FieldType.Text.class);
    assertThat(reason.publishedType()).isEqualTo("exemptionReason");
    assertThat(reason.instructions())
        .isEqualTo("Valori ammessi: PENSIONE (Pratiche pensionistiche)");
  }

  @Test
  void anUnknownTypeIsCheckedAsTextWithAWarning() {
    Certificate family = family();

    assertThat(family.schema().field(new FieldKey("field3")).get().type())
        .isInstanceOf(FieldType.Unknown.class);
    assertThat(family.schema().warnings())
        .contains(new SchemaWarning.UnknownType(new FieldKey("field3"), "colour"));
  }

  @Test
  void theValidationIsTheRequirementRule() {
    Certificate family = family();

    assertThat(family.schema().ruleText()).isEqualTo("field0 && (field1 || field2)");
    assertThat(family.schema().requirement().get().referencedKeys())
        .containsExactlyInAnyOrder(
            new FieldKey("field0"), new FieldKey("field1"), new FieldKey("field2"));
  }
}

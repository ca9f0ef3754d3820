package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.shared.Money;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedCertificateTest {

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

  private static Certificate read(String members) {
    return PublishedCertificate.read(PRODUCT.formatted(members)).get();
  }

  private static String problem(String members) {
    return PublishedCertificate.read(PRODUCT.formatted(members)).getLeft();
  }

  @Test
  void the_published_family_status_page_reads_as_the_seed_certificate() throws IOException {
    String json = Files.readString(Path.of("..", "examples", "family-status-certificate.json"));

    assertThat(PublishedCertificate.read(json).get()).isEqualTo(SeedCertificates.familyStatus());
  }

  @Test
  void a_certificate_without_its_envelope_reads_the_same() throws IOException {
    String json = Files.readString(Path.of("..", "examples", "family-status-certificate.json"));
    String bare = json.substring(json.indexOf("{", 1), json.lastIndexOf("\"success\"")).strip();

    assertThat(PublishedCertificate.read(bare.substring(0, bare.length() - 1)).get())
        .isEqualTo(SeedCertificates.familyStatus());
  }

  @Test
  void names_are_trimmed_and_missing_optional_members_take_defaults() {
    Certificate certificate = read("");

    assertThat(certificate.name()).isEqualTo("Certificato");
    assertThat(certificate.searchPrice()).isEqualTo(Money.ZERO);
    assertThat(certificate.hasSearchPhase()).isFalse();
    assertThat(certificate.extras()).isEmpty();
    assertThat(certificate.instructions()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "1", "\"1\"", "\"true\""})
  void the_search_flag_is_read_from_a_boolean_a_number_or_a_string(String flag) {
    assertThat(read(", \"ricerca\": " + flag).hasSearchPhase()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "0", "\"0\"", "null"})
  void the_search_flag_is_off_for_false_zero_or_null(String flag) {
    assertThat(read(", \"ricerca\": " + flag).hasSearchPhase()).isFalse();
  }

  @Test
  void a_flag_that_is_neither_true_nor_false_is_refused() {
    assertThat(problem(", \"ricerca\": \"maybe\""))
        .isEqualTo("ricerca should be true, false, 0 or 1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"\"1\"|true", "1|true", "\"0\"|false", "0|false", "true|true"})
  void a_field_s_empty_flag_is_read_leniently(String flag, boolean mayBeEmpty) {
    String json = PRODUCT.formatted("").replace("\"null\": false", "\"null\": " + flag);

    assertThat(PublishedCertificate.read(json).get().schema().field(FieldKey.of(0)))
        .map(FieldSpec::mayBeEmpty)
        .contains(mayBeEmpty);
  }

  @Test
  void prices_are_read_from_numbers_or_numeric_strings() {
    Certificate certificate =
        read(
            ", \"prezzo_ricerca\": \"0.38\", \"opzioni\": [{\"tipo\": \"urgenza\", \"prezzo\": 4.9}]");

    assertThat(certificate.searchPrice()).isEqualTo(Money.ofCents(38));
    assertThat(certificate.extras())
        .containsExactly(new Extra("opzione_0", "urgenza", Money.ofCents(490)));
  }

  @Test
  void a_price_that_is_not_a_number_is_refused() {
    assertThat(problem(", \"prezzo_ricerca\": \"gratis\""))
        .isEqualTo("prezzo_ricerca should be a number");
  }

  @Test
  void a_negative_price_is_refused() {
    assertThat(problem(", \"opzioni\": [{\"nome\": \"opzione_0\", \"prezzo\": -1}]"))
        .isEqualTo("opzioni[0].prezzo: a price cannot be negative");
  }

  @Test
  void extras_may_be_null() {
    assertThat(read(", \"opzioni\": null").extras()).isEmpty();
  }

  @Test
  void extras_that_are_not_a_list_are_refused() {
    assertThat(problem(", \"opzioni\": {}")).isEqualTo("opzioni should be a list");
  }

  @Test
  void instructions_in_base64_html_are_decoded() {
    String html = "<p>Allegare la delega firmata.</p>";
    String encoded = Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8));
    String json =
        PRODUCT
            .formatted("")
            .replace("\"validazione\"", "\"istruzioni\": \"" + encoded + "\", \"validazione\"");

    assertThat(PublishedCertificate.read(json).get().instructions()).isEqualTo(html);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Allegare la delega firmata.", "Nome", ""})
  void plain_instructions_are_kept_even_when_they_happen_to_be_base64(String plain) {
    assertThat(PublishedCertificate.instructions(plain)).isEqualTo(plain);
  }

  @Test
  void a_malformed_certificate_id_is_refused() {
    String json = PRODUCT.formatted("").replace("4c84e22bbabd5f25b0102bb3bfe82790", "4c84e2");

    assertThat(PublishedCertificate.read(json).getLeft())
        .isEqualTo("hash_visura: a certificate id is 32 letters or digits");
  }

  @Test
  void a_field_that_is_not_an_object_is_refused() {
    String json =
        PRODUCT
            .formatted("")
            .replace("{\"nome\": \"Nome\", \"tipo\": \"testo\", \"null\": false}", "\"Nome\"");

    assertThat(PublishedCertificate.read(json).getLeft()).isEqualTo("campi.$0 should be an object");
  }

  @Test
  void a_label_that_is_not_text_is_refused() {
    String json = PRODUCT.formatted("").replace("\"nome\": \"Nome\"", "\"nome\": [\"Nome\"]");

    assertThat(PublishedCertificate.read(json).getLeft()).isEqualTo("campi.$0.nome should be text");
  }
}

package dev.sportello.domain.field;

import static dev.sportello.domain.field.Results.rejectionCode;
import static dev.sportello.domain.field.Results.rejectionMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxNumbersTest {
  private static final ValuePolicy POLICY = ValuePolicy.defaults();

  @Nested
  class PersonalTaxCode {
    private final FieldType type = new FieldType.PersonalTaxCode();

    @Test
    void a_valid_code_is_upper_cased_and_compacted() {
      assertThat(type.normalise(" rssmra80a01 h501u ", POLICY))
          .isEqualTo(Either.right("RSSMRA80A01H501U"));
    }

    @Test
    void a_company_number_is_refused() {
      assertThat(rejectionCode(type.normalise("00743110157", POLICY)))
          .isEqualTo("codice_fiscale.length");
    }
  }

  @Nested
  class TaxCode {
    private final FieldType type = new FieldType.TaxCode();

    @Test
    void a_personal_code_is_accepted_and_normalised() {
      assertThat(type.normalise("rss mra 80a01 h501u", POLICY))
          .isEqualTo(Either.right("RSSMRA80A01H501U"));
    }

    @Test
    void a_company_number_is_accepted() {
      assertThat(type.normalise(" 00743110157 ", POLICY)).isEqualTo(Either.right("00743110157"));
    }

    @Test
    void blanks_inside_a_company_number_are_removed() {
      assertThat(type.normalise("007 431 101 57", POLICY)).isEqualTo(Either.right("00743110157"));
    }

    @Test
    void a_personal_code_with_a_wrong_check_character_is_refused() {
      assertThat(rejectionCode(type.normalise("RSSMRA80A01H501V", POLICY)))
          .isEqualTo("codice_fiscale.check_character");
    }

    @Test
    void a_company_number_with_a_wrong_check_digit_is_refused() {
      assertThat(rejectionCode(type.normalise("00743110158", POLICY)))
          .isEqualTo("partita_iva.check_digit");
    }

    @Test
    void eleven_characters_that_are_not_all_digits_are_refused() {
      assertThat(rejectionCode(type.normalise("0074311015A", POLICY)))
          .isEqualTo("partita_iva.digits");
    }

    @Test
    void all_zeros_is_refused() {
      assertThat(rejectionCode(type.normalise("00000000000", POLICY)))
          .isEqualTo("partita_iva.zeros");
    }

    @Test
    void the_vat_prefix_is_not_part_of_a_codice_fiscale() {
      assertThat(rejectionCode(type.normalise("IT00743110157", POLICY)))
          .isEqualTo("tax_code.length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0074311015", "007431101570", "RSSMRA80A01H501", "RSSMRA80A01H501UX"})
    void a_length_other_than_11_or_16_is_refused(String code) {
      assertThat(rejectionCode(type.normalise(code, POLICY))).isEqualTo("tax_code.length");
    }
  }

  @Nested
  class VatNumber {
    private final FieldType type = new FieldType.VatNumber();

    @ParameterizedTest
    @ValueSource(
        strings = {
          "00743110157",
          "IT00743110157",
          "it00743110157",
          " IT 007 4311 0157 ",
          "12345678903",
          "01488120047"
        })
    void a_valid_number_is_normalised_to_its_eleven_digits(String number) {
      assertThat(type.normalise(number, POLICY).map(n -> n.length() == 11 && !n.startsWith("IT")))
          .isEqualTo(Either.right(true));
    }

    @Test
    void the_prefix_and_blanks_are_dropped() {
      assertThat(type.normalise("IT 00743110157", POLICY)).isEqualTo(Either.right("00743110157"));
    }

    @Test
    void a_personal_codice_fiscale_is_accepted_as_the_official_sdk_does() {
      assertThat(type.normalise("rssmra80a01h501u", POLICY))
          .isEqualTo(Either.right("RSSMRA80A01H501U"));
    }

    @Test
    void an_invalid_personal_codice_fiscale_is_refused_for_its_own_reason() {
      assertThat(rejectionCode(type.normalise("RSSMRA80A01H501V", POLICY)))
          .isEqualTo("codice_fiscale.check_character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00743110158", "IT00743110158", "00743110167", "10743110157"})
    void a_wrong_check_digit_is_refused(String number) {
      assertThat(rejectionCode(type.normalise(number, POLICY)))
          .isEqualTo("partita_iva.check_digit");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"0074311015", "007431101570", "IT0074311015", "XX00743110157", "IT", "I"})
    void a_number_without_eleven_digits_is_refused(String number) {
      assertThat(rejectionCode(type.normalise(number, POLICY))).isEqualTo("partita_iva.length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0074311015O", "ITIT743110157", "-0743110157"})
    void eleven_characters_that_are_not_digits_are_refused(String number) {
      assertThat(rejectionCode(type.normalise(number, POLICY))).isEqualTo("partita_iva.digits");
    }

    @Test
    void all_zeros_is_refused_although_it_passes_the_checksum() {
      assertThat(rejectionCode(type.normalise("IT00000000000", POLICY)))
          .isEqualTo("partita_iva.zeros");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00743110158", "0074311015", "0074311015O", "00000000000"})
    void no_message_repeats_the_number(String number) {
      assertThat(rejectionMessage(type.normalise(number, POLICY))).doesNotContain(number);
    }
  }
}

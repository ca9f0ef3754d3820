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
    void aValidCodeIsUpperCasedAndCompacted() {
      assertThat(type.normalise(" rssmra80a01 h501u ", POLICY))
          .isEqualTo(Either.right("RSSMRA80A01H501U"));
    }

    @Test
    void aCompanyNumberIsRefused() {
      assertThat(rejectionCode(type.normalise("00743110157", POLICY)))
          .isEqualTo("codice_fiscale.length");
    }
  }

  @Nested
  class TaxCode {
    private final FieldType type = new FieldType.TaxCode();

    @Test
    void aPersonalCodeIsAcceptedAndNormalised() {
      assertThat(type.normalise("rss mra 80a01 h501u", POLICY))
          .isEqualTo(Either.right("RSSMRA80A01H501U"));
    }

    @Test
    void aCompanyNumberIsAccepted() {
      assertThat(type.normalise(" 00743110157 ", POLICY)).isEqualTo(Either.right("00743110157"));
    }

    @Test
    void blanksInsideACompanyNumberAreRemoved() {
      assertThat(type.normalise("007 431 101 57", POLICY)).isEqualTo(Either.right("00743110157"));
    }

    @Test
    void aPersonalCodeWithAWrongCheckCharacterIsRefused() {
      assertThat(rejectionCode(type.normalise("RSSMRA80A01H501V", POLICY)))
          .isEqualTo("codice_fiscale.check_character");
    }

    @Test
    void aCompanyNumberWithAWrongCheckDigitIsRefused() {
      assertThat(rejectionCode(type.normalise("00743110158", POLICY)))
          .isEqualTo("partita_iva.check_digit");
    }

    @Test
    void elevenCharactersThatAreNotAllDigitsAreRefused() {
      assertThat(rejectionCode(type.normalise("0074311015A", POLICY)))
          .isEqualTo("partita_iva.digits");
    }

    @Test
    void allZerosIsRefused() {
      assertThat(rejectionCode(type.normalise("00000000000", POLICY)))
          .isEqualTo("partita_iva.zeros");
    }

    @Test
    void theVatPrefixIsNotPartOfACodiceFiscale() {
      assertThat(rejectionCode(type.normalise("IT00743110157", POLICY)))
          .isEqualTo("tax_code.length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0074311015", "007431101570", "RSSMRA80A01H501", "RSSMRA80A01H501UX"})
    void aLengthOtherThan11Or16IsRefused(String code) {
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
    void aValidNumberIsNormalisedToItsElevenDigits(String number) {
      assertThat(type.normalise(number, POLICY).map(n -> n.length() == 11 && !n.startsWith("IT")))
          .isEqualTo(Either.right(true));
    }

    @Test
    void thePrefixAndBlanksAreDropped() {
      assertThat(type.normalise("IT 00743110157", POLICY)).isEqualTo(Either.right("00743110157"));
    }

    @Test
    void aPersonalCodiceFiscaleIsAcceptedAsTheOfficialSdkDoes() {
      assertThat(type.normalise("rssmra80a01h501u", POLICY))
          .isEqualTo(Either.right("RSSMRA80A01H501U"));
    }

    @Test
    void anInvalidPersonalCodiceFiscaleIsRefusedForItsOwnReason() {
      assertThat(rejectionCode(type.normalise("RSSMRA80A01H501V", POLICY)))
          .isEqualTo("codice_fiscale.check_character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00743110158", "IT00743110158", "00743110167", "10743110157"})
    void aWrongCheckDigitIsRefused(String number) {
      assertThat(rejectionCode(type.normalise(number, POLICY)))
          .isEqualTo("partita_iva.check_digit");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"0074311015", "007431101570", "IT0074311015", "XX00743110157", "IT", "I"})
    void aNumberWithoutElevenDigitsIsRefused(String number) {
      assertThat(rejectionCode(type.normalise(number, POLICY))).isEqualTo("partita_iva.length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0074311015O", "ITIT743110157", "-0743110157"})
    void elevenCharactersThatAreNotDigitsAreRefused(String number) {
      assertThat(rejectionCode(type.normalise(number, POLICY))).isEqualTo("partita_iva.digits");
    }

    @Test
    void allZerosIsRefusedAlthoughItPassesTheChecksum() {
      assertThat(rejectionCode(type.normalise("IT00000000000", POLICY)))
          .isEqualTo("partita_iva.zeros");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00743110158", "0074311015", "0074311015O", "00000000000"})
    void noMessageRepeatsTheNumber(String number) {
      assertThat(rejectionMessage(type.normalise(number, POLICY))).doesNotContain(number);
    }
  }
}

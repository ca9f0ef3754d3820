package dev.sportello.domain.submission;

import static dev.sportello.domain.fixtures.Forms.certificate;
import static dev.sportello.domain.fixtures.Forms.field;
import static dev.sportello.domain.fixtures.Forms.optionalField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.fixtures.TaxCodes;
import dev.sportello.domain.shared.Violation;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The codice fiscale must agree with the person's surname, name, birth date and sex. */
class CrossFieldCheckTest {

  private static final FieldDeclaration CODICE_FISCALE =
      optionalField("$4", "Codice Fiscale", "personal_tax_code");

  /** Surname, name, birth date, sex and codice fiscale, none of them required. */
  private static final Certificate PERSON =
      certificate(
          "",
          optionalField("$0", "Cognome", "text"),
          optionalField("$1", "Nome", "text"),
          optionalField("$2", "Data di nascita", "date"),
          optionalField("$3", "Sesso", "text"),
          CODICE_FISCALE);

  private static final Map<String, String> MARIO_ROSSI =
      LinkedHashMap.of(
          "$0", "Rossi",
          "$1", "Mario",
          "$2", "1985-12-10",
          "$3", "M",
          "$4", TaxCodes.MARIO_ROSSI);

  private static List<Violation> violations(Certificate certificate, Map<String, String> values) {
    return SubmissionCheck.check(certificate, values, List.empty(), ValuePolicy.defaults())
        .fold(refused -> refused, valid -> List.empty());
  }

  private static Violation mismatch(String what, String field) {
    return new Violation(
        "$4",
        "Codice Fiscale",
        "codice_fiscale." + what + "_mismatch",
        "the codice fiscale does not agree with " + field);
  }

  @Test
  void aCodiceFiscaleThatAgreesWithThePersonPasses() {
    assertThat(violations(PERSON, MARIO_ROSSI)).isEmpty();
  }

  @Test
  void aSurnameThatDisagreesIsRefused() {
    assertThat(violations(PERSON, MARIO_ROSSI.put("$0", "Bianchi")))
        .containsExactly(mismatch("surname", "$0 (Cognome)"));
  }

  @Test
  void aNameThatDisagreesIsRefused() {
    assertThat(violations(PERSON, MARIO_ROSSI.put("$1", "Luigi")))
        .containsExactly(mismatch("name", "$1 (Nome)"));
  }

  @ParameterizedTest
  @CsvSource({"1985-12-11", "1985-11-10", "1986-12-10", "11-12-1985"})
  void aBirthDateThatDisagreesIsRefused(String birthDate) {
    assertThat(violations(PERSON, MARIO_ROSSI.put("$2", birthDate)))
        .containsExactly(mismatch("birth_date", "$2 (Data di nascita)"));
  }

  @Test
  void aBirthDateEnteredDayFirstIsComparedToo() {
    assertThat(violations(PERSON, MARIO_ROSSI.put("$2", "10-12-1985"))).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"F", "femmina", "Donna"})
  void aSexThatDisagreesIsRefused(String sex) {
    assertThat(violations(PERSON, MARIO_ROSSI.put("$3", sex)))
        .containsExactly(mismatch("sex", "$3 (Sesso)"));
  }

  @Test
  void aWomanSCodeAgreesWithHerSex() {
    Map<String, String> maria =
        MARIO_ROSSI.put("$1", "Maria").put("$3", "F").put("$4", TaxCodes.MARIA_ROSSI);

    assertThat(violations(PERSON, maria)).isEmpty();
  }

  @Test
  void aSexThatCannotBeReadIsNotCompared() {
    assertThat(violations(PERSON, MARIO_ROSSI.put("$3", "non dichiarato"))).isEmpty();
  }

  @Test
  void anOmocodeCodiceFiscaleIsComparedLikeTheOriginal() {
    assertThat(violations(PERSON, MARIO_ROSSI.put("$4", TaxCodes.MARIO_ROSSI_OMOCODE))).isEmpty();
  }

  @Test
  void everyDisagreementIsReported() {
    Map<String, String> laura =
        LinkedHashMap.of(
            "$0", "Bianchi",
            "$1", "Laura",
            "$2", "1990-01-01",
            "$3", "F",
            "$4", TaxCodes.MARIO_ROSSI);

    assertThat(violations(PERSON, laura))
        .containsExactly(
            mismatch("surname", "$0 (Cognome)"),
            mismatch("name", "$1 (Nome)"),
            mismatch("birth_date", "$2 (Data di nascita)"),
            mismatch("sex", "$3 (Sesso)"));
  }

  @Test
  void labelsAreMatchedIgnoringCaseAccentsAndPunctuation() {
    Certificate form =
        certificate(
            "",
            optionalField("$0", "COGNOME:", "text"),
            optionalField("$1", " nome ", "text"),
            optionalField("$2", "Data di Nascita:", "date"),
            optionalField("$3", "Sèsso", "text"),
            CODICE_FISCALE);

    assertThat(violations(form, MARIO_ROSSI.put("$2", "1985-12-11")))
        .containsExactly(mismatch("birth_date", "$2 (Data di Nascita:)"));
  }

  @Test
  void aRoleTwoFieldsCouldPlayIsNotChecked() {
    Certificate form =
        certificate(
            "",
            optionalField("$0", "Cognome", "text"),
            optionalField("$1", "Nome", "text"),
            optionalField("$2", "Cognome:", "text"),
            CODICE_FISCALE);
    Map<String, String> values =
        LinkedHashMap.of("$0", "Bianchi", "$1", "Luigi", "$2", "Verdi", "$4", TaxCodes.MARIO_ROSSI);

    assertThat(violations(form, values)).containsExactly(mismatch("name", "$1 (Nome)"));
  }

  @Test
  void aFormWithTwoCodiciFiscaliIsNotChecked() {
    Certificate form =
        certificate(
            "",
            optionalField("$0", "Cognome", "text"),
            optionalField("$1", "Codice fiscale del delegato", "tax_code"),
            CODICE_FISCALE);
    Map<String, String> values =
        LinkedHashMap.of("$0", "Bianchi", "$1", TaxCodes.LAURA_BIANCHI, "$4", TaxCodes.MARIO_ROSSI);

    assertThat(violations(form, values)).isEmpty();
  }

  @Test
  void anInvalidCodiceFiscaleIsRefusedForItselfOnly() {
    var violations =
        violations(PERSON, MARIO_ROSSI.put("$0", "Bianchi").put("$4", "RSSMRA85T10A562X"));

    assertThat(violations.map(Violation::code)).containsExactly("codice_fiscale.check_character");
  }

  @Test
  void aCompanyTaxCodeIsNotComparedWithAPerson() {
    Certificate form =
        certificate(
            "", optionalField("$0", "Cognome", "text"), field("$1", "Codice Fiscale", "tax_code"));

    assertThat(violations(form, LinkedHashMap.of("$0", "Rossi", "$1", "12345678903"))).isEmpty();
  }

  @Test
  void aBirthDateInFreeTextIsNotCompared() {
    Certificate form =
        certificate("", optionalField("$2", "Data di nascita", "text"), CODICE_FISCALE);

    assertThat(
            violations(
                form, LinkedHashMap.of("$2", "11 dicembre 1985", "$4", TaxCodes.MARIO_ROSSI)))
        .isEmpty();
  }
}

package dev.sportello.domain.submission;

import static dev.sportello.domain.fixtures.Forms.certificate;
import static dev.sportello.domain.fixtures.Forms.field;
import static dev.sportello.domain.fixtures.Forms.optionalField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.field.Rejection;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.fixtures.TaxCodes;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.shared.Violation;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;

class SubmissionCheckTest {

  private static final ValuePolicy POLICY = ValuePolicy.defaults();
  private static final String WRONG_CHECK_CHARACTER = "RSSMRA85T10A562X";

  /** A form where nothing is required, so that only the behaviour under test can refuse. */
  private static final Certificate OPEN_FORM =
      certificate(
          "",
          optionalField("$0", "Nome", "text"),
          optionalField("$1", "Codice Fiscale", "personal_tax_code"));

  private static Validation<List<Violation>, Submission> check(
      Certificate certificate, Map<String, String> values, String... extras) {
    return SubmissionCheck.check(certificate, values, List.of(extras), POLICY);
  }

  private static Violation required(String key, String label) {
    return new Violation(key, label, "required", "a value is required");
  }

  @Test
  void aCompleteSubmissionIsNormalisedAndPriced() {
    Certificate certificate =
        certificate(
            "$0 && $1",
            field("$0", "Nome", "text"),
            field("$1", "Codice Fiscale", "personal_tax_code"));

    Submission submission =
        check(
                certificate,
                LinkedHashMap.of("$0", " Mario ", "$1", " rssmra85t10a562s "),
                "opzione_0")
            .get();

    assertThat(submission.certificateId()).isEqualTo(certificate.id());
    assertThat(submission.values())
        .isEqualTo(
            TreeMap.of(new FieldKey("$0"), "Mario", new FieldKey("$1"), TaxCodes.MARIO_ROSSI));
    assertThat(submission.extras()).isEqualTo(certificate.extras());
    assertThat(submission.quote()).isEqualTo(Quote.of(certificate, certificate.extras()));
  }

  @Test
  void aKeyTheFormDoesNotDefineIsRefused() {
    assertThat(check(OPEN_FORM, LinkedHashMap.of("$9", "Mario")).getError())
        .containsExactly(
            Violation.general(
                "$9", "unknown_key", "the certificate's form has no field with this key"));
  }

  @Test
  void aKeyThatIsNotAFieldKeyIsNamedBrieflyInTheViolation() {
    String longKey = "a-very-long-key-that-goes-on-and-on";

    var violations =
        check(OPEN_FORM, LinkedHashMap.of("nome", "Mario", " ", "Mario", longKey, "Mario"))
            .getError();

    assertThat(violations.map(Violation::subject))
        .containsExactlyInAnyOrder("nome", "values", "a-very-long-key-that-goe…");
    assertThat(violations.map(Violation::code)).containsOnly("unknown_key");
  }

  @Test
  void violationsFollowTheOrderOfTheFields() {
    var violations =
        check(OPEN_FORM, LinkedHashMap.of("zeta", "x", "$10", "x", "$2", "x")).getError();

    assertThat(violations.map(Violation::subject)).containsExactly("$2", "$10", "zeta");
  }

  @Test
  void aBlankValueIsNotCheckedAgainstItsTypeAndCountsAsAbsent() {
    Submission submission = check(OPEN_FORM, LinkedHashMap.of("$1", "  ", "$0", "")).get();

    assertThat(submission.values()).isEmpty();
  }

  @Test
  void aBlankValueInARequiredFieldIsReportedAsMissing() {
    Certificate certificate = certificate("$0", field("$0", "Nome", "text"));

    assertThat(check(certificate, LinkedHashMap.of("$0", " \t ")).getError())
        .containsExactly(required("$0", "Nome"));
  }

  @Test
  void aValueThatDoesNotFitItsTypeIsRefusedWithTheTypesReason() {
    Rejection reason =
        new FieldType.PersonalTaxCode().normalise(WRONG_CHECK_CHARACTER, POLICY).getLeft();

    assertThat(check(OPEN_FORM, LinkedHashMap.of("$1", WRONG_CHECK_CHARACTER)).getError())
        .containsExactly(new Violation("$1", "Codice Fiscale", reason.code(), reason.message()));
  }

  @Test
  void aCodiceFiscaleWithAWrongCheckCharacterIsRefusedAsSuch() {
    assertThat(check(OPEN_FORM, LinkedHashMap.of("$1", WRONG_CHECK_CHARACTER)).getError())
        .singleElement()
        .extracting(Violation::code)
        .isEqualTo("codice_fiscale.check_character");
  }

  @Test
  void noViolationRepeatsARefusedValue() {
    var violations = check(OPEN_FORM, LinkedHashMap.of("$1", WRONG_CHECK_CHARACTER)).getError();

    assertThat(violations.map(Violation::message))
        .isNotEmpty()
        .noneMatch(message -> message.contains(WRONG_CHECK_CHARACTER));
  }

  @Test
  void withASingleWayToSatisfyTheRuleEachMissingFieldIsRequired() {
    Certificate certificate =
        certificate(
            "$0 && $1 && $2",
            field("$0", "Nome", "text"),
            field("$1", "Cognome", "text"),
            field("$2", "Comune", "text"));

    assertThat(check(certificate, LinkedHashMap.of("$0", "Mario")).getError())
        .containsExactly(required("$1", "Cognome"), required("$2", "Comune"));
  }

  @Test
  void withAChoiceTheSharedFieldsAreRequiredAndTheChoicesDescribed() {
    Certificate certificate =
        certificate(
            "$0 && ($1 || $2)",
            field("$0", "Nome", "text"),
            field("$1", "Email", "text"),
            field("$2", "Telefono", "text"));

    assertThat(check(certificate, LinkedHashMap.empty()).getError())
        .containsExactly(
            required("$0", "Nome"),
            Violation.general(
                "rule",
                "requirement_unmet",
                "the certificate also needs one of: $1 (Email), or $2 (Telefono)"));
  }

  @Test
  void choicesOfSeveralFieldsAreDescribedSmallestFirst() {
    Certificate certificate =
        certificate(
            "($1 && $2) || $0",
            field("$0", "Codice Fiscale", "text"),
            field("$1", "Nome", "text"),
            field("$2", "Cognome", "text"));

    assertThat(check(certificate, LinkedHashMap.empty()).getError())
        .containsExactly(
            Violation.general(
                "rule",
                "requirement_unmet",
                "the certificate also needs one of: $0 (Codice Fiscale), or $1 (Nome) and $2"
                    + " (Cognome)"));
  }

  @Test
  void aFieldTheRuleRequiresAndTheFormDoesNotDefineIsReportedAsSuch() {
    Certificate certificate = certificate("$0 && $5", field("$0", "Nome", "text"));

    assertThat(check(certificate, LinkedHashMap.of("$0", "Mario")).getError())
        .containsExactly(
            new Violation(
                "$5",
                "",
                "required_undefined",
                "the certificate's rule requires $5, which its form does not define"));
  }

  @Test
  void anExtraTheCertificateDoesNotOfferIsRefused() {
    assertThat(check(OPEN_FORM, LinkedHashMap.empty(), "opzione_9").getError())
        .containsExactly(
            Violation.general(
                "extras", "unknown_extra", "this certificate offers no extra called 'opzione_9'"));
  }

  @Test
  void anExtraChosenTwiceIsChargedOnce() {
    Submission submission = check(OPEN_FORM, LinkedHashMap.empty(), "opzione_0", "opzione_0").get();

    assertThat(submission.extras()).hasSize(1);
    assertThat(submission.quote().extras()).isEqualTo(Money.ofCents(400));
  }

  @Test
  void aValidSubmissionComesWithItsPrice() {
    Submission submission = check(OPEN_FORM, LinkedHashMap.empty()).get();

    assertThat(submission.quote()).isEqualTo(Quote.of(OPEN_FORM, List.empty()));
    assertThat(submission.quote().total()).isEqualTo(Money.ofCents(1220));
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    Certificate certificate =
        certificate(
            "$0 && $1",
            field("$0", "Nome", "text"),
            field("$1", "Codice Fiscale", "personal_tax_code"));

    var violations =
        check(certificate, LinkedHashMap.of("$1", WRONG_CHECK_CHARACTER, "$7", "x"), "opzione_9")
            .getError();

    assertThat(violations.map(Violation::code))
        .containsExactly(
            "codice_fiscale.check_character", "unknown_key", "required", "unknown_extra");
  }
}

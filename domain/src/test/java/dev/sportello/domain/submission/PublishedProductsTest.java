package dev.sportello.domain.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.catalog.SchemaWarning;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.shared.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The two products as Openapi publishes them, defects included, stay usable. */
class PublishedProductsTest {

  private static Validation<List<Violation>, Submission> check(
      Certificate certificate, Map<String, String> values, String... extras) {
    return SubmissionCheck.check(certificate, values, List.of(extras), ValuePolicy.defaults());
  }

  @Nested
  class FamilyStatusCertificate {
    private final Certificate certificate = SeedCertificates.familyStatus();

    @Test
    void theRepeatedCodiceFiscaleFieldIsReadAsTheFieldTheRuleRequires() {
      assertThat(certificate.schema().warnings())
          .containsExactly(
              new SchemaWarning.DuplicateKey(
                  new FieldKey("$6"), "Codice Fiscale", Option.some(new FieldKey("$7"))));
      assertThat(certificate.schema().field(new FieldKey("$7")))
          .map(FieldSpec::type)
          .contains(new FieldType.TaxCode());
    }

    @Test
    void itsFieldsAreShownInPublishedOrder() {
      assertThat(certificate.schema().fields().map(FieldSpec::label))
          .containsExactly(
              "Nome",
              "Cognome",
              "Data di nascita",
              "Stato di nascita",
              "Comune di nascita",
              "Provincia di residenza",
              "Comune di residenza",
              "Codice Fiscale");
    }

    @Test
    void aCompleteSubmissionIsAcceptedAndPriced() {
      Submission submission =
          check(certificate, SeedCertificates.familyStatusValues(), "opzione_0").get();

      assertThat(submission.values()).hasSize(8);
      assertThat(submission.quote().net()).isEqualTo(Money.ofCents(4400));
      assertThat(submission.quote().total()).isEqualTo(Money.ofCents(5368));
    }

    @Test
    void aCodiceFiscaleThatDisagreesWithTheBirthDateIsRefused() {
      var values = SeedCertificates.familyStatusValues().put("$2", "1985-12-11");

      assertThat(check(certificate, values).getError())
          .containsExactly(
              new Violation(
                  "$7",
                  "Codice Fiscale",
                  "codice_fiscale.birth_date_mismatch",
                  "the codice fiscale does not agree with $2 (Data di nascita)"));
    }
  }

  @Nested
  class A2Application {
    private final Certificate certificate = SeedCertificates.a2();

    @Test
    void itsSchemaHasNoDefects() {
      assertThat(certificate.schema().warnings()).isEmpty();
    }

    @Test
    void aSubmissionWithoutTheOptionalMandateIsAccepted() {
      assertThat(check(certificate, SeedCertificates.a2ValuesWithoutMandate()).isValid()).isTrue();
    }

    @Test
    void aSubmissionWithTheMandateIsAccepted() {
      var values = SeedCertificates.a2ValuesWithoutMandate().put("$7", SeedCertificates.PDF_FILE);

      assertThat(check(certificate, values).get().values()).hasSize(8);
    }

    @Test
    void aSubmissionWithoutTheCopyOfTheCodiceFiscaleIsToldToAddIt() {
      var values = SeedCertificates.a2ValuesWithoutMandate().remove("$6");

      assertThat(check(certificate, values).getError())
          .containsExactly(
              new Violation(
                  "$6", "COPIA CODICE FISCALE FRONTE RETRO", "required", "a value is required"));
    }

    @Test
    void bothExtrasArePriced() {
      Submission submission =
          check(certificate, SeedCertificates.a2ValuesWithoutMandate(), "opzione_0", "opzione_1")
              .get();

      assertThat(submission.quote().total()).isEqualTo(Money.ofCents(4148));
    }
  }
}

package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.fixtures.TaxCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code validate} command, run in-process on the files under {@code examples/}. */
class ValidateCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final String CERTIFICATE =
      EXAMPLES.resolve("family-status-certificate.json").toString();
  private static final String VALID_SUBMISSION =
      EXAMPLES.resolve("family-status-submission.json").toString();
  private static final String WRONG_BIRTH_DATE =
      EXAMPLES.resolve("family-status-submission-wrong-birth-date.json").toString();

  private static Cli run(String... args) {
    return Cli.run(Map.of(), args);
  }

  @Test
  void aValidSubmissionPrintsValidTheSchemaWarningsAndTheQuote() {
    Cli run = run("validate", CERTIFICATE, VALID_SUBMISSION);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "VALID",
            "warning duplicate_key: the schema defines $6 more than once; the later field"
                + " 'Codice Fiscale' was read as $7, which the rule requires and no field defines",
            "quote (EUR): document 40.00, search 0.00, extras 4.00, net 44.00, VAT 9.68,"
                + " total 53.68");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anInvalidSubmissionPrintsInvalidAndEveryViolation() {
    Cli run = run("validate", CERTIFICATE, WRONG_BIRTH_DATE);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines())
        .startsWith(
            "INVALID",
            "$7 (Codice Fiscale) codice_fiscale.birth_date_mismatch: the codice fiscale does not"
                + " agree with $2 (Data di nascita)")
        .noneMatch(line -> line.startsWith("quote"));
  }

  @Test
  void theOutputNeverRepeatsASubmittedValue() {
    Cli run = run("validate", CERTIFICATE, WRONG_BIRTH_DATE);

    assertThat(run.out() + run.err()).doesNotContain(TaxCodes.MARIO_ROSSI, "1985-12-11");
  }

  @Test
  void thePublishedFamilyStatusPageReadsAsTheSeedCertificate() throws IOException {
    String json = Files.readString(Path.of(CERTIFICATE));

    assertThat(ValidateCommand.certificate(json).get()).isEqualTo(SeedCertificates.familyStatus());
  }

  @Test
  void aCertificateWithoutItsEnvelopeReadsTheSame() throws IOException {
    String json = Files.readString(Path.of(CERTIFICATE));
    String bare = json.substring(json.indexOf("{", 1), json.lastIndexOf("\"success\"")).strip();

    assertThat(ValidateCommand.certificate(bare.substring(0, bare.length() - 1)).get())
        .isEqualTo(SeedCertificates.familyStatus());
  }

  @Test
  void aCertificateThatIsNotJsonIsReportedWithItsLocation(@TempDir Path directory)
      throws IOException {
    Path broken = Files.writeString(directory.resolve("c.json"), "{\"data\": RSSMRA}");

    Cli run = run("validate", broken.toString(), VALID_SUBMISSION);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly("error: " + broken + ": not valid JSON (line 1, column 10)");
    assertThat(run.err()).doesNotContain("RSSMRA");
  }

  @Test
  void aMissingFileIsReportedInOneLine() {
    Cli run = run("validate", CERTIFICATE, "no-such-submission.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly("error: cannot read no-such-submission.json: no such file");
  }

  @Test
  void aFileThatIsNotJsonIsReportedWithItsLocationAndNoContent(@TempDir Path directory)
      throws IOException {
    Path broken =
        Files.writeString(directory.resolve("broken.json"), "{\"values\": {\"$0\": RSSMRA}}");

    Cli run = run("validate", CERTIFICATE, broken.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly("error: " + broken + ": not valid JSON (line 1, column 19)");
  }

  @Test
  void bothUnreadableInputsAreReported(@TempDir Path directory) throws IOException {
    Path notACertificate = Files.writeString(directory.resolve("c.json"), "{\"data\": {}}");
    Path notASubmission = Files.writeString(directory.resolve("s.json"), "[]");

    Cli run = run("validate", notACertificate.toString(), notASubmission.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .containsExactly(
            "error: "
                + notACertificate
                + ": not a certificate as Visengine publishes it (GET /visure/{hash}) nor as"
                + " Sportello describes it (GET /api/v1/certificates/{id})",
            "error: " + notASubmission + ": a submission should be a JSON object");
  }

  @Test
  void aMissingArgumentPrintsTheUsage() {
    Cli run = run("validate", CERTIFICATE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter", "Usage: sportello validate");
  }

  @Test
  void noCommandPrintsTheUsage() {
    Cli run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required subcommand", "validate");
  }

  @Test
  void helpListsTheExitCodes() {
    Cli run = run("validate", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("0   the submission is valid", "2   an input cannot be read");
  }
}

package dev.sportello.bootstrap;

import dev.sportello.adapter.rest.RestAdapter;
import dev.sportello.adapter.visengine.VisengineAdapter;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.SchemaWarning;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.submission.Quote;
import dev.sportello.domain.submission.Submission;
import dev.sportello.domain.submission.SubmissionCheck;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Try;
import io.vavr.control.Validation;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Checks a submission against a certificate locally, as a request would be before it is sent. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a submission against a certificate, as Sportello does before anything is sent:"
          + " field types, the requirement rule, the codice fiscale against the person, extras.",
      "Prints VALID or INVALID, every violation, the schema's defects and, when valid, the price."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:the submission is valid",
      "1:the submission is invalid",
      "2:an input cannot be read, or the command line is wrong"
    })
final class ValidateCommand implements Callable<Integer> {
  static final int VALID = 0;
  static final int INVALID = 1;
  static final int UNREADABLE = 2;

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "CERTIFICATE_JSON",
      description =
          "the certificate as Visengine's GET /visure/{hash} returns it (with or without"
              + " {data: …}), or as Sportello's GET /api/v1/certificates/{id} returns it")
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private Path certificateFile;

  @Parameters(
      index = "1",
      paramLabel = "SUBMISSION_JSON",
      description =
          "the values to check: {\"values\": {\"$0\": \"…\"}, \"extras\": [\"opzione_0\"]}")
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private Path submissionFile;

  @Override
  public Integer call() {
    Either<String, Certificate> certificate =
        readFile(certificateFile, ValidateCommand::certificate);
    Either<String, SubmissionFile> submission = readFile(submissionFile, SubmissionFile::read);
    PrintWriter err = spec.commandLine().getErr();
    if (certificate.isLeft() || submission.isLeft()) {
      List.of(certificate.swap(), submission.swap())
          .flatMap(Either::toOption)
          .forEach(problem -> err.println("error: " + problem));
      err.flush();
      return UNREADABLE;
    }
    return report(certificate.get(), submission.get());
  }

  private int report(Certificate certificate, SubmissionFile submission) {
    Validation<List<Violation>, Submission> verdict =
        SubmissionCheck.check(
            certificate, submission.values(), submission.extras(), ValuePolicy.defaults());
    PrintWriter out = spec.commandLine().getOut();
    out.println(verdict.isValid() ? "VALID" : "INVALID");
    if (verdict.isInvalid()) {
      verdict.getError().forEach(violation -> out.println(describe(violation)));
    }
    certificate.schema().warnings().forEach(warning -> out.println(describe(warning)));
    if (verdict.isValid()) {
      out.println(describe(verdict.get().quote()));
    }
    out.flush();
    return verdict.isValid() ? VALID : INVALID;
  }

  /** Each format is read by the adapter that owns it; each says whether the text is its own. */
  static Either<String, Certificate> certificate(String json) {
    return VisengineAdapter.readCertificate(json)
        .orElse(() -> RestAdapter.readCertificate(json))
        .getOrElse(() ->
            Either.left(
                "not a certificate as Visengine publishes it (GET /visure/{hash}) nor as"
                    + " Sportello describes it (GET /api/v1/certificates/{id})"));
  }

  private static <T> Either<String, T> readFile(
      Path file, Function<String, Either<String, T>> reader) {
    return Try.of(() -> Files.readString(file))
        .toEither()
        .mapLeft(failure -> "cannot read " + file + ": " + reason(failure))
        .flatMap(json -> reader.apply(json).mapLeft(problem -> file + ": " + problem));
  }

  private static String reason(Throwable failure) {
    return switch (failure) {
      case NoSuchFileException ignored -> "no such file";
      case AccessDeniedException ignored -> "access denied";
      case MalformedInputException ignored -> "not UTF-8 text";
      default -> failure.getClass().getSimpleName();
    };
  }

  /** Such as {@code $4 (Codice Fiscale) codice_fiscale.check_character: …}. */
  static String describe(Violation violation) {
    String subject =
        violation.label().isBlank()
            ? violation.subject()
            : violation.subject() + " (" + violation.label() + ")";
    return subject + " " + violation.code() + ": " + violation.message();
  }

  static String describe(SchemaWarning warning) {
    return "warning " + warning.code() + ": " + warning.message();
  }

  static String describe(Quote quote) {
    return "quote (EUR): document "
        + quote.document()
        + ", search "
        + quote.search()
        + ", extras "
        + quote.extras()
        + ", net "
        + quote.net()
        + ", VAT "
        + quote.vat()
        + ", total "
        + quote.total();
  }
}

package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.ValidateSubmissionCommand;
import dev.sportello.application.port.in.ValidationReport;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.shared.Violation;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class ValidateSubmissionTest {
  private static final Certificate CERTIFICATE = TestData.certificate();

  private final TestApplication app = TestApplication.create();

  ValidateSubmissionTest() {
    app.visengine().register(CERTIFICATE);
  }

  private Either<UseCaseError, ValidationReport> validate(
      String certificateId, Map<String, String> values, boolean askUpstream) {
    return app.useCases()
        .validateSubmission()
        .validate(
            new ValidateSubmissionCommand(
                new SubmissionInput(
                    certificateId, values, List.empty(), Option.none(), Option.none()),
                askUpstream));
  }

  private long calls(RemoteCallKind kind) {
    return app.useCases().remoteCalls().get(kind).getOrElse(0L);
  }

  @Test
  void anEngineWithoutATestModeLeavesAValidSubmissionValidAndUncheckedUpstream() {
    app.visengine()
        .failNext(
            RemoteCallKind.TEST, new RemoteFailure.Conflict("no_test_mode", "no dry run here"));

    ValidationReport report =
        right(validate(CERTIFICATE.id().value(), HashMap.of("$0", "Mario"), true));

    assertThat(report.valid()).isTrue();
    assertThat(report.violations()).isEmpty();
    assertThat(report.upstreamChecked()).isFalse();
  }

  @Test
  void aValidSubmissionIsPricedWithoutAskingUpstreamToOrder() {
    ValidationReport report =
        right(validate(CERTIFICATE.id().value(), HashMap.of("$0", "Mario"), false));

    assertThat(report.valid()).isTrue();
    assertThat(report.quote().get().total()).isEqualTo(Money.ofCents(1220));
    assertThat(report.upstreamChecked()).isFalse();
    assertThat(calls(RemoteCallKind.TEST) + calls(RemoteCallKind.DRAFT)).isZero();
  }

  @Test
  void anInvalidSubmissionListsItsViolationsAndIsNeverSentUpstream() {
    ValidationReport report =
        right(validate(CERTIFICATE.id().value(), HashMap.of("$9", "x"), true));

    assertThat(report.valid()).isFalse();
    assertThat(report.violations().map(Violation::code)).contains("unknown_key", "required");
    assertThat(report.quote()).isEmpty();
    assertThat(calls(RemoteCallKind.TEST)).isZero();
  }

  @Test
  void upstreamTestModeIsAskedOnlyWhenTheCallerWantsIt() {
    ValidationReport report =
        right(validate(CERTIFICATE.id().value(), HashMap.of("$0", "Mario"), true));

    assertThat(report.valid()).isTrue();
    assertThat(report.upstreamChecked()).isTrue();
    assertThat(calls(RemoteCallKind.TEST)).isEqualTo(1);
    assertThat(calls(RemoteCallKind.DRAFT) + calls(RemoteCallKind.CLOSE)).isZero();
  }

  @Test
  void anUpstreamRefusalInTestModeBecomesAViolation() {
    app.visengine()
        .failNext(
            RemoteCallKind.TEST,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INVALID, "250", "Insufficient data to validate the request"));

    ValidationReport report =
        right(validate(CERTIFICATE.id().value(), HashMap.of("$0", "Mario"), true));

    assertThat(report.valid()).isFalse();
    assertThat(report.violations().map(Violation::code)).containsExactly("upstream_250");
    assertThat(report.upstreamChecked()).isFalse();
  }

  @Test
  void aMalformedCertificateIdIsInvalidInputWithoutAnyCall() {
    UseCaseError error = left(validate("not an id", HashMap.of("$0", "Mario"), false));

    assertThat(error).isInstanceOf(UseCaseError.InvalidInput.class);
    assertThat(app.useCases().remoteCalls().values().sum().longValue()).isZero();
  }

  @Test
  void anUnknownCertificateIsNotFound() {
    UseCaseError error =
        left(validate("ffffffffffffffffffffffffffffffff", HashMap.of("$0", "Mario"), false));

    assertThat(error).isInstanceOf(UseCaseError.NotFound.class);
  }
}

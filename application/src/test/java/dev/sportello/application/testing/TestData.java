package dev.sportello.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.submission.Quote;
import dev.sportello.domain.submission.Submission;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Builds certificates and requests for tests without going through the value checks, so that port
 * tests do not depend on them.
 */
public final class TestData {
  private TestData() {}

  /** The engine the test certificates are published by, unless a test names another. */
  public static final Engine ENGINE = new Engine("visengine");

  /** A second engine, for the tests of an application over two. */
  public static final Engine DOCUENGINE = new Engine("docuengine");

  /** A certificate with one required text field {@code $0}, priced 10.00 (+2.00 per search). */
  public static Certificate certificate(String name, String category, boolean searchPhase) {
    return certificate(name, category, searchPhase, ENGINE);
  }

  /** As {@link #certificate(String, String, boolean)}, published by the given engine. */
  public static Certificate certificate(
      String name, String category, boolean searchPhase, Engine engine) {
    String seed = Integer.toHexString(name.hashCode() & 0x7fffffff);
    return new Certificate(
        new CertificateId((seed + "0".repeat(32)).substring(0, 32)),
        engine,
        name,
        category,
        Money.ofCents(1000),
        searchPhase ? Money.ofCents(200) : Money.ZERO,
        searchPhase,
        false,
        List.empty(),
        FieldSchema.read(
            List.of(
                new FieldDeclaration("$0", "Nome", new FieldType.Text(), "testo", false, 0, "")),
            "$0"),
        "",
        "");
  }

  /** An order of the certificate by a caller under a key, with {@code value} in {@code $0}. */
  public static SubmitRequestCommand order(
      Certificate certificate, String caller, String key, String value) {
    return new SubmitRequestCommand(
        caller,
        key,
        new SubmissionInput(
            certificate.id().value(),
            HashMap.of("$0", value),
            List.empty(),
            Option.none(),
            Option.none()));
  }

  /** A plain certificate without a search phase. */
  public static Certificate certificate() {
    return certificate("Visura camerale", "Camerali", false);
  }

  /** An accepted request with the value {@code x} in {@code $0}. */
  public static CertificateRequest accepted(
      String id, String caller, Certificate certificate, Instant at) {
    Submission submission =
        new Submission(
            certificate.id(),
            certificate.engine(),
            TreeMap.of(new FieldKey("$0"), "x"),
            List.empty(),
            Quote.of(certificate, List.empty()));
    return CertificateRequest.accept(
        new RequestId(id),
        caller,
        certificate.name(),
        submission,
        Option.none(),
        Option.none(),
        at);
  }

  /** The request as closed upstream under the given id, and moved to the status. */
  public static CertificateRequest closed(
      CertificateRequest accepted, UpstreamId upstreamId, RequestStatus status, Instant at) {
    return right(
        accepted
            .recordDraft(upstreamId, at)
            .flatMap(drafted -> drafted.recordCloseAttempt(at))
            .flatMap(attempted -> attempted.recordClosed(at))
            .flatMap(closed -> closed.moveTo(status, at, "")));
  }

  /** A valid upstream id built from a number. */
  public static UpstreamId upstreamId(long number) {
    return new UpstreamId(String.format("%024x", number));
  }

  /** Asserts that the result is a success and gives its value. */
  public static <L, R> R right(Either<L, R> result) {
    assertThat(result.isRight()).as("expected a success, got %s", result).isTrue();
    return result.get();
  }

  /** Asserts that the result is a failure and gives it. */
  public static <L, R> L left(Either<L, R> result) {
    assertThat(result.isLeft()).as("expected a failure, got %s", result).isTrue();
    return result.getLeft();
  }
}

package dev.sportello.application.service;

import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.SubmitRequestUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.ValidateSubmissionCommand;
import dev.sportello.application.port.in.ValidateSubmissionUseCase;
import dev.sportello.application.port.in.ValidationReport;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.IdempotencyStore.Claim;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RequestIds;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.UpstreamQuote;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.submission.Submission;
import dev.sportello.domain.submission.SubmissionCheck;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/** Checks submissions, and orders certificates exactly once per idempotency key. */
final class SubmissionService implements ValidateSubmissionUseCase, SubmitRequestUseCase {
  private static final int MAX_KEY_LENGTH = 255;
  private static final int MAX_REFERENCE_LENGTH = 255;
  private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
  private static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

  private final CatalogService catalog;
  private final Engines engines;
  private final Requests requests;
  private final IdempotencyStore idempotency;
  private final Dispatcher dispatcher;
  private final SpendingService spending;
  private final RequestIds ids;
  private final ValuePolicy policy;
  private final Duration replayWait;
  private final Clock clock;

  SubmissionService(
      CatalogService catalog,
      Engines engines,
      Requests requests,
      IdempotencyStore idempotency,
      Dispatcher dispatcher,
      SpendingService spending,
      RequestIds ids,
      ValuePolicy policy,
      Duration replayWait,
      Clock clock) {
    this.catalog = catalog;
    this.engines = engines;
    this.requests = requests;
    this.idempotency = idempotency;
    this.dispatcher = dispatcher;
    this.spending = spending;
    this.ids = ids;
    this.policy = policy;
    this.replayWait = replayWait;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseError, ValidationReport> validate(ValidateSubmissionCommand command) {
    return certificate(command.input().certificateId())
        .map(certificate -> {
          Validation<List<Violation>, Submission> checked = check(certificate, command.input());
          if (checked.isInvalid()) {
            return new ValidationReport(checked.getError(), Option.none(), false);
          }
          Submission submission = checked.get();
          if (!command.askUpstream()) {
            return new ValidationReport(List.empty(), Option.some(submission.quote()), false);
          }
          return upstreamVerdict(submission, command.input());
        });
  }

  private ValidationReport upstreamVerdict(Submission submission, SubmissionInput input) {
    RemoteOrder order =
        new RemoteOrder(
            submission.certificateId(),
            submission.values(),
            submission.extras().map(extra -> extra.key()),
            input.notifyEmail(),
            Option.none());
    var verdict =
        engines
            .of(submission.engine())
            .fold(
                disabled ->
                    Either.<RemoteFailure, UpstreamQuote>left(
                        new RemoteFailure.Unavailable(disabled.message())),
                remote -> remote.test(order));
    if (verdict.isRight()) {
      return new ValidationReport(List.empty(), Option.some(submission.quote()), true);
    }
    if (verdict.getLeft() instanceof RemoteFailure.Conflict) {
      // The engine offers no dry run: the form passed every local check, and nothing more is known.
      return new ValidationReport(List.empty(), Option.some(submission.quote()), false);
    }
    Violation problem =
        switch (verdict.getLeft()) {
          case RemoteFailure.Rejected rejected ->
              Violation.general("upstream", "upstream_" + rejected.code(), rejected.message());
          case RemoteFailure failure ->
              Violation.general(
                  "upstream",
                  "upstream_unavailable",
                  "upstream could not check it: " + failure.message());
        };
    return new ValidationReport(List.of(problem), Option.some(submission.quote()), false);
  }

  @Override
  public Either<UseCaseError, CertificateRequest> submit(SubmitRequestCommand command) {
    List<Violation> commandProblems = commandProblems(command);
    if (!commandProblems.isEmpty()) {
      return Either.left(new UseCaseError.InvalidInput(commandProblems));
    }
    Either<UseCaseError, Certificate> certificate = certificate(command.input().certificateId());
    if (certificate.isLeft()) {
      return Either.left(certificate.getLeft());
    }
    Validation<List<Violation>, Submission> checked = check(certificate.get(), command.input());
    if (checked.isInvalid()) {
      return Either.left(new UseCaseError.InvalidInput(checked.getError()));
    }
    Either<UseCaseError, Claim> claim =
        idempotency
            .claim(
                command.caller(),
                command.idempotencyKey(),
                fingerprint(command.input()),
                ids.next())
            .mapLeft(Failures::of);
    if (claim.isLeft()) {
      return Either.left(claim.getLeft());
    }
    return switch (claim.get()) {
      case Claim.Claimed claimed -> order(command, certificate.get(), checked.get(), claimed.id());
      case Claim.Replay replay -> replay(command, certificate.get(), checked.get(), replay);
      case Claim.Mismatch mismatch ->
          Either.left(new UseCaseError.KeyReusedWithAnotherBody(mismatch.id()));
    };
  }

  /**
   * A repeat returns the first request. The key is claimed before the request is stored, so a
   * repeat can come in between: it waits for the first attempt to store the request, up to the
   * replay wait, and past it answers that the request is still being created. A key claimed longer
   * ago than the replay wait whose request is not stored was left by an attempt that died before
   * storing it: then this attempt stores it.
   */
  private Either<UseCaseError, CertificateRequest> replay(
      SubmitRequestCommand command,
      Certificate certificate,
      Submission submission,
      Claim.Replay replay) {
    boolean abandoned = !replay.claimedAt().plus(replayWait).isAfter(clock.instant());
    Duration waited = Duration.ZERO;
    Duration pause = FIRST_PAUSE;
    while (true) {
      Either<UseCaseError, Option<Stored<CertificateRequest>>> found = requests.find(replay.id());
      if (found.isLeft() || found.get().isDefined()) {
        return found.map(stored -> stored.get().value());
      }
      if (abandoned) {
        return order(command, certificate, submission, replay.id());
      }
      if (waited.compareTo(replayWait) >= 0 || !paused(pause)) {
        return Either.left(new UseCaseError.StillBeingCreated(replayWait));
      }
      waited = waited.plus(pause);
      pause = min(pause.multipliedBy(2), LONGEST_PAUSE, replayWait.minus(waited));
    }
  }

  /** Waits a little; false when interrupted, which ends the wait. */
  private static boolean paused(Duration pause) {
    try {
      Thread.sleep(pause);
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration min(Duration first, Duration second, Duration third) {
    Duration smaller = first.compareTo(second) <= 0 ? first : second;
    Duration smallest = smaller.compareTo(third) <= 0 ? smaller : third;
    // Never a zero pause: the last step waits at least a millisecond.
    return smallest.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : smallest;
  }

  private Either<UseCaseError, CertificateRequest> order(
      SubmitRequestCommand command, Certificate certificate, Submission submission, RequestId id) {
    CertificateRequest accepted =
        CertificateRequest.accept(
            id,
            command.caller(),
            certificate.name(),
            submission,
            command.input().reference().map(String::strip).filter(text -> !text.isEmpty()),
            command.input().notifyEmail().map(String::strip).filter(text -> !text.isEmpty()),
            clock.instant());
    // Over a cap nothing is stored, and the claimed key stays bound to this id, dated back by the
    // replay wait: a repeat takes the key as abandoned at once and orders under the same id (or is
    // refused again), so it never waits for this attempt, nor reserves or orders twice.
    return spending
        .reserve(accepted)
        .peekLeft(refused -> {
          if (refused instanceof UseCaseError.SpendingCapReached) {
            // A store that cannot date it back leaves a repeat to wait for the replay wait.
            idempotency.dateBack(
                command.caller(),
                command.idempotencyKey(),
                id,
                accepted.createdAt().minus(replayWait));
          }
        })
        .flatMap(reserved -> insertedOrReleased(accepted))
        .flatMap(inserted ->
            inserted.isDefined()
                ? Either.right(
                    dispatcher
                        .dispatch(inserted.get())
                        .map(Stored::value)
                        .getOrElse(inserted.get().value()))
                : storedFirst(id));
  }

  /**
   * Stores a reserved request; a store that failed gives the reservation back, since the request
   * may never be stored. If it was stored after all, its close reserves it again before charging.
   */
  private Either<UseCaseError, Option<Stored<CertificateRequest>>> insertedOrReleased(
      CertificateRequest accepted) {
    Either<UseCaseError, Option<Stored<CertificateRequest>>> inserted =
        requests.insertIfAbsent(accepted);
    if (inserted.isLeft()) {
      spending.release(accepted);
    }
    return inserted;
  }

  /**
   * The request that an identical submission under the same key stored first; that submission
   * dispatches it, so it is charged once.
   */
  private Either<UseCaseError, CertificateRequest> storedFirst(RequestId id) {
    return requests
        .find(id)
        .flatMap(found ->
            found
                .map(Stored::value)
                .toEither(() ->
                    new UseCaseError.ConcurrentChange(
                        "request " + id + " was stored and is gone")));
  }

  private Either<UseCaseError, Certificate> certificate(String id) {
    var parsed = CertificateId.parse(id);
    if (parsed.isInvalid()) {
      return Either.left(new UseCaseError.InvalidInput(List.of(parsed.getError())));
    }
    return catalog.certificate(parsed.get());
  }

  private Validation<List<Violation>, Submission> check(
      Certificate certificate, SubmissionInput input) {
    Validation<List<Violation>, Submission> checked =
        SubmissionCheck.check(certificate, input.values(), input.extras(), policy);
    List<Violation> emailProblems =
        input
            .notifyEmail()
            .filter(email -> !email.isBlank())
            .map(email -> new dev.sportello.domain.field.FieldType.Email().normalise(email, policy))
            .filter(Either::isLeft)
            .map(rejected ->
                List.of(
                    Violation.general(
                        "notifyEmail", rejected.getLeft().code(), rejected.getLeft().message())))
            .getOrElse(List.empty());
    if (emailProblems.isEmpty()) {
      return checked;
    }
    return Validation.invalid(
        checked.fold(errors -> errors, ok -> List.<Violation>empty()).appendAll(emailProblems));
  }

  private static List<Violation> commandProblems(SubmitRequestCommand command) {
    List<Violation> problems = List.empty();
    String key = command.idempotencyKey();
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      problems =
          problems.append(
              Violation.general(
                  "idempotencyKey",
                  "invalid_idempotency_key",
                  "an idempotency key of 1 to " + MAX_KEY_LENGTH + " characters is required"));
    }
    if (command
        .input()
        .reference()
        .exists(reference -> reference.length() > MAX_REFERENCE_LENGTH)) {
      problems =
          problems.append(
              Violation.general(
                  "reference",
                  "reference_too_long",
                  "a reference has at most " + MAX_REFERENCE_LENGTH + " characters"));
    }
    return problems;
  }

  /** What makes two submissions the same: every input, in a fixed order, hashed. */
  static String fingerprint(SubmissionInput input) {
    StringBuilder canonical = new StringBuilder();
    canonical.append(input.certificateId()).append('\u0000');
    input
        .values()
        .toList()
        .sortBy(entry -> entry._1)
        .forEach(entry -> canonical.append(entry._1).append('=').append(entry._2).append('\u0000'));
    input.extras().sorted().forEach(extra -> canonical.append(extra).append('\u0000'));
    canonical.append(input.reference().getOrElse("")).append('\u0000');
    canonical.append(input.notifyEmail().getOrElse(""));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      // Every JDK ships SHA-256.
      throw new IllegalStateException(impossible);
    }
  }
}

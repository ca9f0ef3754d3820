package dev.sportello.application.service;

import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.BackgroundFailure.Work;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.Stored;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestState;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;

/**
 * The two-phase submission: create an upstream draft (free), store its id, record the close
 * attempt, close it (the one charging call). Every step is stored before the next remote call, so a
 * crash anywhere leaves a request that the next run carries forward: a request without a draft gets
 * one (a draft whose answer was lost costs nothing), and a draft is closed again on the same
 * upstream id, where "already closed" counts as success. The close attempt is recorded only on the
 * copy that was read, so of a submission and a sync cycle dispatching one request at once, the one
 * that records it first sends the close and the other leaves it alone. Before the close attempt is
 * recorded the request is reserved against its caller's caps again: one whose reservation was given
 * back when its store seemed to fail (but had not) is counted, and checked, before it is charged.
 */
final class Dispatcher {
  private final Engines engines;
  private final Requests requests;
  private final Reconciler reconciler;
  private final NotificationTokens tokens;
  private final RequestEvents events;
  private final SpendingService spending;
  private final Option<String> webhookBaseUrl;
  private final Clock clock;

  Dispatcher(
      Engines engines,
      Requests requests,
      Reconciler reconciler,
      NotificationTokens tokens,
      RequestEvents events,
      SpendingService spending,
      Option<String> webhookBaseUrl,
      Clock clock) {
    this.engines = engines;
    this.requests = requests;
    this.reconciler = reconciler;
    this.tokens = tokens;
    this.events = events;
    this.spending = spending;
    this.webhookBaseUrl = webhookBaseUrl;
    this.clock = clock;
  }

  /**
   * Carries a request as far as it goes now. Upstream being unreachable is not an error here: the
   * request keeps its place and the next sync cycle tries again.
   */
  Either<UseCaseError, Stored<CertificateRequest>> dispatch(Stored<CertificateRequest> stored) {
    return switch (stored.value().state()) {
      case RequestState.Accepted accepted ->
          engines
              .of(stored.value().engine())
              .fold(
                  disabled -> waitFor(stored, disabled),
                  remote ->
                      switch (accepted.dispatch()) {
                        case Dispatch.NotSent notSent -> createDraft(remote, stored);
                        case Dispatch.Drafted drafted -> close(remote, stored, drafted.id());
                      });
      case RequestState.ClosedUpstream closed -> Either.right(stored);
      case RequestState.Ended ended -> Either.right(stored);
    };
  }

  private Either<UseCaseError, Stored<CertificateRequest>> createDraft(
      RemoteRequests remote, Stored<CertificateRequest> stored) {
    return remote
        .createDraft(order(stored.value()))
        .fold(
            failure -> refuseOrWait(stored, failure),
            draft ->
                requests
                    .modify(
                        stored,
                        request ->
                            request
                                .recordDraft(draft.upstreamId(), clock.instant())
                                .mapLeft(Failures::of))
                    .flatMap(drafted -> close(remote, drafted, draft.upstreamId())));
  }

  private Either<UseCaseError, Stored<CertificateRequest>> close(
      RemoteRequests remote, Stored<CertificateRequest> stored, UpstreamId upstreamId) {
    return spending
        .reserve(stored.value())
        .flatMap(reserved ->
            requests.modifyIfUnchanged(
                stored,
                request -> request.recordCloseAttempt(clock.instant()).mapLeft(Failures::of)))
        .flatMap(claimed ->
            claimed.isDefined() ? sendClose(remote, claimed.get(), upstreamId) : freshCopy(stored));
  }

  private Either<UseCaseError, Stored<CertificateRequest>> sendClose(
      RemoteRequests remote, Stored<CertificateRequest> attempt, UpstreamId upstreamId) {
    return remote
        .close(upstreamId)
        .fold(
            failure ->
                failure instanceof RemoteFailure.AlreadyClosed
                    ? requests.modify(
                        attempt,
                        request -> request.recordClosed(clock.instant()).mapLeft(Failures::of))
                    : refuseOrWait(attempt, failure),
            closed ->
                requests.modify(
                    attempt,
                    request -> Either.right(reconciler.apply(request, closed, clock.instant()))));
  }

  /** The request as another writer, which claimed its close first, left it. */
  private Either<UseCaseError, Stored<CertificateRequest>> freshCopy(
      Stored<CertificateRequest> stale) {
    return requests
        .find(stale.value().id())
        .flatMap(found ->
            found.toEither(() -> new UseCaseError.NotFound("no request " + stale.value().id())));
  }

  /**
   * A refusal on content or credit ends the request; anything else leaves it for the next attempt,
   * and is reported.
   */
  private Either<UseCaseError, Stored<CertificateRequest>> refuseOrWait(
      Stored<CertificateRequest> stored, RemoteFailure failure) {
    Option<Outcome> verdict =
        switch (failure) {
          case RemoteFailure.Rejected rejected ->
              Option.some(new Outcome(rejected.code(), rejected.message()));
          case RemoteFailure.InsufficientCredit credit ->
              Option.some(new Outcome("insufficient_credit", credit.message()));
          case RemoteFailure.NotFound notFound ->
              Option.some(new Outcome("not_found", notFound.message()));
          case RemoteFailure.AlreadyClosed ignored -> Option.none();
          case RemoteFailure.Conflict ignored -> Option.none();
          case RemoteFailure.NotReady ignored -> Option.none();
          case RemoteFailure.AccessDenied ignored -> Option.none();
          case RemoteFailure.Unavailable ignored -> Option.none();
          case RemoteFailure.OutcomeUnknown ignored -> Option.none();
          case RemoteFailure.Malformed ignored -> Option.none();
        };
    return verdict.fold(
        () -> waitFor(stored, Failures.of(failure)),
        refusal ->
            requests.modify(
                stored, request -> request.reject(refusal, clock.instant()).mapLeft(Failures::of)));
  }

  /** The request keeps its place for the next cycle; an operator still sees why it waits. */
  private Either<UseCaseError, Stored<CertificateRequest>> waitFor(
      Stored<CertificateRequest> stored, UseCaseError why) {
    events.backgroundFailed(
        new BackgroundFailure(
            Work.DISPATCH,
            Option.some(stored.value().id()),
            BackgroundFailure.Cause.UPSTREAM,
            Failures.described(why)));
    return Either.right(stored);
  }

  private RemoteOrder order(CertificateRequest request) {
    return new RemoteOrder(
        request.certificateId(),
        request.submission().values(),
        request.submission().extras().map(extra -> extra.key()),
        request.notifyEmail(),
        webhookBaseUrl.map(base ->
            new RemoteOrder.Callback(
                base.replaceAll("/+$", "") + "/" + request.engine().name(),
                tokens.tokenFor(request.id()),
                request.id().value())));
  }
}

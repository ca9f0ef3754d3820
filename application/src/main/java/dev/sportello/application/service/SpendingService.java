package dev.sportello.application.service;

import dev.sportello.application.port.in.GetSpendingUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SpendingLedger.Charge;
import dev.sportello.application.port.out.SpendingLedger.Reservation;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestState;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingCaps;
import dev.sportello.domain.spending.SpendingPeriod;
import dev.sportello.domain.submission.Quote;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps each caller within its spending caps: an order reserves its quote's total before it is
 * stored, and a request that ends (refused or cancelled) before it is charged gives it back. A
 * request learnt to be closed upstream after it ended counts again: it was charged.
 */
final class SpendingService implements GetSpendingUseCase {
  private final SpendingLedger ledger;
  private final SpendingCaps caps;
  private final RequestEvents events;
  private final Clock clock;

  SpendingService(SpendingLedger ledger, SpendingCaps caps, RequestEvents events, Clock clock) {
    this.ledger = ledger;
    this.caps = caps;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Either<UseCaseError, List<SpendingFigures>> spending(String caller) {
    Instant now = clock.instant();
    return Either.sequenceRight(
            List.of(SpendingPeriod.values()).map(period -> figures(caller, period, now)))
        .map(List::ofAll);
  }

  private Either<UseCaseError, SpendingFigures> figures(
      String caller, SpendingPeriod period, Instant now) {
    SpendingPeriod.Window window = period.window(now);
    Option<Money> cap = caps.of(caller, period).map(SpendingCap::limit);
    return ledger
        .spent(caller, window)
        .mapLeft(Failures::of)
        .map(spent ->
            new SpendingFigures(
                period,
                cap,
                spent,
                cap.map(limit -> Money.ofCents(Math.max(0, limit.cents() - spent.cents()))),
                window.end()));
  }

  /**
   * Reserves what a new request costs against its caller's caps, before it is stored; a request
   * that holds a reservation already keeps it.
   */
  Either<UseCaseError, Reservation> reserve(CertificateRequest accepted) {
    return reserve(reservation(accepted));
  }

  /**
   * Gives back what a request's order reserved, when it may never have been stored; a ledger that
   * cannot be reached is reported.
   */
  void release(CertificateRequest request) {
    reported(request.id(), ledger.release(Charge.order(request.id())));
  }

  /**
   * Reserves a search added to a request, at the quote's search price with VAT, against its
   * caller's caps before it is asked for upstream: each added search is charged. The n-th search
   * added keeps the reservation it holds already.
   */
  Either<UseCaseError, Reservation> reserveAddedSearch(CertificateRequest request) {
    Money net = request.submission().quote().search();
    // The first round is the quote's; the rounds known so far number the one being added.
    Charge charge = Charge.addedSearch(request.id(), Math.max(1, request.searches().size()));
    return reserve(
        new Reservation(
            request.caller(), charge, net.plus(net.percent(Quote.VAT_PERCENT)), clock.instant()));
  }

  /**
   * Gives a charge's reservation back when upstream certainly did not take the call that charges
   * it, and keeps it when the call went through or may have; returns the answer as it is.
   */
  <T> Either<RemoteFailure, T> releasedUnlessCharged(
      Charge charge, Either<RemoteFailure, T> answer) {
    if (answer.isLeft() && certainlyRefused(answer.getLeft())) {
      reported(charge.request(), ledger.release(charge));
    }
    return answer;
  }

  private static boolean certainlyRefused(RemoteFailure failure) {
    return switch (failure) {
      case RemoteFailure.OutcomeUnknown unknown -> false;
      case RemoteFailure.Malformed unreadable -> false;
      case RemoteFailure.Rejected rejected -> true;
      case RemoteFailure.InsufficientCredit noCredit -> true;
      case RemoteFailure.NotFound notFound -> true;
      case RemoteFailure.AlreadyClosed closed -> true;
      case RemoteFailure.Conflict conflict -> true;
      case RemoteFailure.NotReady notReady -> true;
      case RemoteFailure.AccessDenied denied -> true;
      case RemoteFailure.Unavailable unavailable -> true;
    };
  }

  private Either<UseCaseError, Reservation> reserve(Reservation reservation) {
    return ledger
        .reserve(reservation, caps.of(reservation.caller()))
        .mapLeft(Failures::of)
        .flatMap(verdict ->
            verdict.mapLeft(reached ->
                new UseCaseError.SpendingCapReached(
                    reached, positive(Duration.between(clock.instant(), reached.resetsAt())))));
  }

  /**
   * Follows a stored change of a request: releases its reservation when it ended before it was
   * charged, and counts it again when it turns out to have been charged after all. A ledger that
   * cannot be reached is reported; the request's change stands.
   */
  void settle(CertificateRequest before, CertificateRequest after) {
    boolean counted = counts(before);
    boolean counts = counts(after);
    if (counted == counts) {
      return;
    }
    reported(
        after.id(),
        counts
            ? ledger.reserve(reservation(after), List.empty())
            : ledger.release(Charge.order(after.id())));
  }

  /** Reports a ledger that could not be reached; what the request went through stands. */
  private void reported(RequestId request, Either<StorageFailure, ?> settled) {
    settled
        .swap()
        .forEach(failure ->
            events.backgroundFailed(
                new BackgroundFailure(
                    BackgroundFailure.Work.SPENDING,
                    Option.some(request),
                    BackgroundFailure.Cause.STORAGE,
                    failure.message())));
  }

  /** Whether a request counts against its caller's caps: unless it ended before it was charged. */
  private static boolean counts(CertificateRequest request) {
    return !(request.state() instanceof RequestState.Ended ended
        && ended.dispatch() instanceof Dispatch.Pending);
  }

  private static Reservation reservation(CertificateRequest request) {
    return new Reservation(
        request.caller(),
        Charge.order(request.id()),
        request.submission().quote().total(),
        request.createdAt());
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}

package dev.sportello.application.service;

import dev.sportello.application.port.in.GetSpendingUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SpendingLedger.Reservation;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.RequestState;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingCaps;
import dev.sportello.domain.spending.SpendingPeriod;
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
    return ledger
        .reserve(reservation(accepted), caps.of(accepted.caller()))
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
    Either<StorageFailure, ?> settled =
        counts ? ledger.reserve(reservation(after), List.empty()) : ledger.release(after.id());
    settled
        .swap()
        .forEach(failure ->
            events.backgroundFailed(
                new BackgroundFailure(
                    BackgroundFailure.Work.SPENDING,
                    Option.some(after.id()),
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
        request.caller(), request.id(), request.submission().quote().total(), request.createdAt());
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}

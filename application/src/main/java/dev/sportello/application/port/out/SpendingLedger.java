package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.CapReached;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Objects;

/**
 * What each caller's orders reserve of its spending caps. A reservation is keyed by its request, so
 * that a request never counts twice; it counts in the periods that hold the moment it was made.
 * Instances that share a store share the ledger: a caller's reservations are checked and made one
 * at a time across them, so that together they never let a caller over a cap.
 */
public interface SpendingLedger {

  /**
   * Reserves what a request costs unless that takes its caller over one of the caps, in the periods
   * that hold {@link Reservation#at()}; reaching a cap exactly is allowed. A request that holds a
   * reservation already keeps it, whatever the caps say now, and gets it back.
   *
   * @param reservation the request, its caller, its cost and when it is made
   * @param caps the caller's caps; none reserves without a check
   * @return the reservation the request holds, or the first cap it would exceed (in the order
   *     given)
   */
  Either<StorageFailure, Either<CapReached, Reservation>> reserve(
      Reservation reservation, List<SpendingCap> caps);

  /**
   * Counts a request no longer, as one that ended before it was charged.
   *
   * @return whether the request held a reservation
   */
  Either<StorageFailure, Boolean> release(RequestId request);

  /** What a caller's reservations made in the period add up to. */
  Either<StorageFailure, Money> spent(String caller, SpendingPeriod.Window period);

  /**
   * What one request reserves.
   *
   * @param caller whose order it is
   * @param request the request
   * @param amount what it costs, with VAT
   * @param at when it was ordered: the periods that hold this instant count it
   */
  record Reservation(String caller, RequestId request, Money amount, Instant at) {
    public Reservation {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(at, "at");
    }
  }
}

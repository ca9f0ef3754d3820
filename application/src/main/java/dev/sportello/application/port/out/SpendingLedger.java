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
 * What each caller's orders reserve of its spending caps. A reservation is keyed by its charge (the
 * order itself or a search added to it), so that a charge never counts twice; it counts in the
 * periods that hold the moment it was made. Instances that share a store share the ledger: a
 * caller's reservations are checked and made one at a time across them, so that together they never
 * let a caller over a cap.
 */
public interface SpendingLedger {

  /**
   * Reserves what a request costs unless that takes its caller over one of the caps, in the periods
   * that hold {@link Reservation#at()}; reaching a cap exactly is allowed. A charge that holds a
   * reservation already keeps it, whatever the caps say now, and gets it back.
   *
   * @param reservation the request, its caller, its cost and when it is made
   * @param caps the caller's caps; none reserves without a check
   * @return the reservation the charge holds, or the cap that binds: of those it would exceed, the
   *     one that resets last, since the charge fits only once all of them have reset
   */
  Either<StorageFailure, Either<CapReached, Reservation>> reserve(
      Reservation reservation, List<SpendingCap> caps);

  /**
   * Counts a charge no longer, as one that was never made.
   *
   * @return whether the charge held a reservation
   * @param charge the charge
   */
  Either<StorageFailure, Boolean> release(Charge charge);

  /**
   * What a caller's reservations made in the period add up to.
   *
   * @param caller whose reservations
   * @param period the period's window
   * @return the sum, or why the store failed
   */
  Either<StorageFailure, Money> spent(String caller, SpendingPeriod.Window period);

  /**
   * What one charge reserves.
   *
   * @param caller whose order it is
   * @param charge the charge
   * @param amount what it costs, with VAT
   * @param at when it was ordered: the periods that hold this instant count it
   */
  record Reservation(String caller, Charge charge, Money amount, Instant at) {
    /** Checks that every component is given. */
    public Reservation {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(charge, "charge");
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * One call that upstream charges for: a request's order, or a search added to it.
   *
   * @param request the request
   * @param search 0 for the order itself, n for the n-th search added to it
   */
  record Charge(RequestId request, int search) {
    /** Checks the components. */
    public Charge {
      Objects.requireNonNull(request, "request");
      if (search < 0) {
        throw new IllegalArgumentException("a search number is never negative: " + search);
      }
    }

    /**
     * The order of a request.
     *
     * @param request the request
     * @return its charge
     */
    public static Charge order(RequestId request) {
      return new Charge(request, 0);
    }

    /**
     * The n-th search added to a request, from 1.
     *
     * @param request the request
     * @param n which added search, from 1
     * @return its charge
     */
    public static Charge addedSearch(RequestId request, int n) {
      if (n < 1) {
        throw new IllegalArgumentException("added searches count from 1: " + n);
      }
      return new Charge(request, n);
    }

    /**
     * The charge's key: the request's id for the order, {@code <id>#search-<n>} for a search.
     *
     * @return the key
     */
    public String key() {
      return search == 0 ? request.value() : request.value() + "#search-" + search;
    }
  }
}

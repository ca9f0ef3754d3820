package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.CapReached;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Spending reservations in {@code spending_reservation}, one row per charge. A reservation checked
 * against caps runs in one transaction that first updates its caller's row in {@code
 * spending_caller}: the row lock (PostgreSQL, H2) or the write lock that SQLite's transactions take
 * as they begin holds every other checked reservation of the caller, on any instance, until this
 * one has summed the caller's periods and inserted its row or refused. A caller's first checked
 * reservation inserts its row first; two instances doing so at once are told apart by the primary
 * key.
 *
 * <p>Only a check needs that lock, and it holds every order of the caller in turn for a whole
 * transaction, its commit's flush to disk included. So a reservation without caps is one insert,
 * whose primary key tells two inserts of one charge apart: the one that loses reads the reservation
 * that won back. A checked reservation finds a charge's reservation under the lock, as it sums.
 */
final class JdbcSpendingLedger implements SpendingLedger {
  private final Database database;

  JdbcSpendingLedger(Database database) {
    this.database = database;
  }

  @Override
  public Either<StorageFailure, Either<CapReached, Reservation>> reserve(
      Reservation reservation, List<SpendingCap> caps) {
    return caps.isEmpty() ? unchecked(reservation) : checked(reservation, caps);
  }

  /** The reservation inserted, or the one an insert of the same charge made first. */
  private Either<StorageFailure, Either<CapReached, Reservation>> unchecked(
      Reservation reservation) {
    Either<StorageFailure, Either<CapReached, Reservation>> inserted =
        database.withHandle(
            "reserve spending",
            handle -> {
              insert(handle, reservation);
              return Either.right(Either.right(reservation));
            });
    if (!(inserted.isLeft() && inserted.getLeft() instanceof StorageFailure.Duplicate)) {
      return inserted;
    }
    Either<StorageFailure, Optional<Reservation>> first = held(reservation.charge());
    if (first.isLeft()) {
      return Either.left(first.getLeft());
    }
    return first.get().isPresent()
        ? Either.right(Either.right(first.get().get()))
        : Either.left(
            new StorageFailure.Unavailable("reserve spending: a reservation was made and is gone"));
  }

  private Either<StorageFailure, Either<CapReached, Reservation>> checked(
      Reservation reservation, List<SpendingCap> caps) {
    Either<StorageFailure, Option<Either<CapReached, Reservation>>> first =
        underCallerLock(reservation, caps);
    if (first.isLeft() || first.get().isDefined()) {
      return first.map(Option::get);
    }
    return addCaller(reservation)
        .flatMap(added -> underCallerLock(reservation, caps))
        .flatMap(again ->
            again.toEither(() ->
                new StorageFailure.Unavailable(
                    "reserve spending: the caller's row was added and is gone")));
  }

  /** The reservation made under the caller's lock; none when the caller has no row to lock yet. */
  private Either<StorageFailure, Option<Either<CapReached, Reservation>>> underCallerLock(
      Reservation reservation, List<SpendingCap> caps) {
    return database.inTransaction(
        "reserve spending",
        handle -> {
          int locked =
              handle
                  .createUpdate(
                      "UPDATE spending_caller SET checked_at = :at WHERE caller = :caller")
                  .bind("at", Database.timestamp(Database.stored(reservation.at())))
                  .bind("caller", reservation.caller())
                  .execute();
          if (locked == 0) {
            return Either.right(Option.none());
          }
          Optional<Reservation> held = held(handle, reservation.charge());
          if (held.isPresent()) {
            return Either.right(Option.some(Either.right(held.get())));
          }
          // Of the caps it would exceed, the one that resets last binds.
          Option<CapReached> reached =
              caps.flatMap(cap ->
                      cap.refuses(
                          sum(handle, reservation.caller(), cap.period().window(reservation.at())),
                          reservation.amount(),
                          reservation.at()))
                  .maxBy(CapReached::resetsAt);
          if (reached.isDefined()) {
            return Either.right(Option.some(Either.left(reached.get())));
          }
          insert(handle, reservation);
          return Either.right(Option.some(Either.right(reservation)));
        });
  }

  private static void insert(Handle handle, Reservation reservation) {
    handle
        .createUpdate(
            "INSERT INTO spending_reservation (charge_id, caller, amount_cents,"
                + " reserved_at) VALUES (:id, :caller, :cents, :at)")
        .bind("id", reservation.charge().key())
        .bind("caller", reservation.caller())
        .bind("cents", reservation.amount().cents())
        .bind("at", Database.timestamp(Database.stored(reservation.at())))
        .execute();
  }

  private Either<StorageFailure, Boolean> addCaller(Reservation reservation) {
    Either<StorageFailure, Boolean> added =
        database.withHandle(
            "add a caller to the spending ledger",
            handle ->
                Either.right(
                    handle
                            .createUpdate(
                                "INSERT INTO spending_caller (caller, checked_at)"
                                    + " VALUES (:caller, :at)")
                            .bind("caller", reservation.caller())
                            .bind("at", Database.timestamp(Database.stored(reservation.at())))
                            .execute()
                        > 0));
    // Another instance added it first: its row is there to lock all the same.
    return added.isLeft() && added.getLeft() instanceof StorageFailure.Duplicate
        ? Either.right(false)
        : added;
  }

  @Override
  public Either<StorageFailure, Boolean> release(Charge charge) {
    return database.withHandle(
        "release spending",
        handle ->
            Either.right(
                handle
                        .createUpdate("DELETE FROM spending_reservation WHERE charge_id = :id")
                        .bind("id", charge.key())
                        .execute()
                    > 0));
  }

  @Override
  public Either<StorageFailure, Money> spent(String caller, SpendingPeriod.Window period) {
    return database.withHandle(
        "read spending", handle -> Either.right(sum(handle, caller, period)));
  }

  private Either<StorageFailure, Optional<Reservation>> held(Charge charge) {
    return database.withHandle(
        "read a spending reservation", handle -> Either.right(held(handle, charge)));
  }

  private static Optional<Reservation> held(Handle handle, Charge charge) {
    return handle
        .createQuery(
            "SELECT caller, amount_cents, reserved_at FROM spending_reservation"
                + " WHERE charge_id = :id")
        .bind("id", charge.key())
        .map((rs, ctx) ->
            new Reservation(
                RequestRow.required(rs, "caller"),
                charge,
                Money.ofCents(rs.getLong("amount_cents")),
                Database.requiredInstant(rs, ctx, "reserved_at")))
        .findFirst();
  }

  private static Money sum(Handle handle, String caller, SpendingPeriod.Window period) {
    return Money.ofCents(
        handle
            .createQuery(
                "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM spending_reservation"
                    + " WHERE caller = :caller AND reserved_at >= :start AND reserved_at < :end")
            .bind("caller", caller)
            .bind("start", Database.timestamp(period.start()))
            .bind("end", Database.timestamp(period.end()))
            .mapTo(Long.class)
            .one());
  }
}

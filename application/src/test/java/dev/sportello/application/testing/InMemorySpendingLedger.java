package dev.sportello.application.testing;

import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SpendingLedger.Charge;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.CapReached;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;

/** Spending reservations in memory; one lock makes each check-and-reserve atomic. */
public final class InMemorySpendingLedger implements SpendingLedger {
  private final Map<Charge, Reservation> reservations = new LinkedHashMap<>();

  @Override
  public synchronized Either<StorageFailure, Either<CapReached, Reservation>> reserve(
      Reservation reservation, List<SpendingCap> caps) {
    Reservation held = reservations.get(reservation.charge());
    if (held != null) {
      return Either.right(Either.right(held));
    }
    Option<CapReached> reached =
        caps.flatMap(cap ->
                cap.refuses(
                    sum(reservation.caller(), cap.period().window(reservation.at())),
                    reservation.amount(),
                    reservation.at()))
            .maxBy(CapReached::resetsAt);
    if (reached.isDefined()) {
      return Either.right(Either.left(reached.get()));
    }
    reservations.put(reservation.charge(), reservation);
    return Either.right(Either.right(reservation));
  }

  @Override
  public synchronized Either<StorageFailure, Boolean> release(Charge charge) {
    return Either.right(reservations.remove(charge) != null);
  }

  @Override
  public synchronized Either<StorageFailure, Money> spent(
      String caller, SpendingPeriod.Window period) {
    return Either.right(sum(caller, period));
  }

  /** The reservation a request's order holds, if any. */
  public synchronized Option<Reservation> of(RequestId request) {
    return Option.of(reservations.get(Charge.order(request)));
  }

  private Money sum(String caller, SpendingPeriod.Window period) {
    return List.ofAll(reservations.values())
        .filter(held -> held.caller().equals(caller))
        .filter(held -> !held.at().isBefore(period.start()) && held.at().isBefore(period.end()))
        .map(Reservation::amount)
        .fold(Money.ZERO, Money::plus);
  }
}

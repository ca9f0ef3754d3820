package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SpendingLedger.Charge;
import dev.sportello.application.port.out.SpendingLedger.Reservation;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.CapReached;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SpendingLedger} must do; an implementation's test extends this. */
public abstract class SpendingLedgerContract {
  /** 10:00 in Rome on Saturday 1 March 2025. */
  private static final Instant MORNING = Instant.parse("2025-03-01T09:00:00Z");

  /** 23:59 in Rome on 1 March. */
  private static final Instant LAST_MINUTE = Instant.parse("2025-03-01T22:59:00Z");

  /** Midnight in Rome, 2 March. */
  private static final Instant MIDNIGHT = Instant.parse("2025-03-01T23:00:00Z");

  private static final SpendingCap FIFTY_A_DAY =
      new SpendingCap(SpendingPeriod.DAY, Money.ofCents(5000));
  private static final SpendingCap EIGHTY_A_MONTH =
      new SpendingCap(SpendingPeriod.MONTH, Money.ofCents(8000));

  private SpendingLedger ledger;

  /** A new, empty ledger for each test. */
  protected abstract SpendingLedger newLedger();

  @BeforeEach
  void createLedger() {
    ledger = newLedger();
  }

  private static Reservation order(String caller, String id, long cents, Instant at) {
    return new Reservation(caller, Charge.order(new RequestId(id)), Money.ofCents(cents), at);
  }

  private Either<CapReached, Reservation> reserve(Reservation reservation, SpendingCap... caps) {
    return right(ledger.reserve(reservation, List.of(caps)));
  }

  private Money spentToday(String caller, Instant at) {
    return right(ledger.spent(caller, SpendingPeriod.DAY.window(at)));
  }

  @Test
  void aReservationWithinTheCapIsMadeAndCounts() {
    Reservation order = order("alice", "r1", 1220, MORNING);

    assertThat(reserve(order, FIFTY_A_DAY)).isEqualTo(Either.right(order));
    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(1220));
  }

  @Test
  void aReservationThatReachesTheCapExactlyIsMade() {
    reserve(order("alice", "r1", 3780, MORNING), FIFTY_A_DAY);

    assertThat(reserve(order("alice", "r2", 1220, MORNING), FIFTY_A_DAY).isRight()).isTrue();
    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(5000));
  }

  @Test
  void aReservationOverTheCapIsRefusedWithWhatWasSpentAndWhenTheCapResets() {
    reserve(order("alice", "r1", 3781, MORNING), FIFTY_A_DAY);

    assertThat(reserve(order("alice", "r2", 1220, MORNING), FIFTY_A_DAY))
        .isEqualTo(
            Either.left(
                new CapReached(FIFTY_A_DAY, Money.ofCents(3781), Money.ofCents(1220), MIDNIGHT)));
    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(3781));
  }

  @Test
  void whenBothCapsRefuseTheOneThatResetsLastIsNamed() {
    Instant nextMorning = MORNING.plus(Duration.ofDays(1));
    reserve(order("alice", "r1", 3000, MORNING), EIGHTY_A_MONTH);
    reserve(order("alice", "r2", 4500, nextMorning), FIFTY_A_DAY, EIGHTY_A_MONTH);

    Either<CapReached, Reservation> refused =
        reserve(order("alice", "r3", 1000, nextMorning), FIFTY_A_DAY, EIGHTY_A_MONTH);

    assertThat(refused)
        .isEqualTo(
            Either.left(
                new CapReached(
                    EIGHTY_A_MONTH,
                    Money.ofCents(7500),
                    Money.ofCents(1000),
                    Instant.parse("2025-03-31T22:00:00Z"))));
  }

  @Test
  void aMonthCapCountsEveryDayOfTheMonthAndResetsOnTheFirst() {
    reserve(order("alice", "r1", 4000, MORNING), FIFTY_A_DAY, EIGHTY_A_MONTH);
    reserve(order("alice", "r2", 3000, MORNING.plus(Duration.ofDays(1))), EIGHTY_A_MONTH);

    Either<CapReached, Reservation> refused =
        reserve(
            order("alice", "r3", 2000, MORNING.plus(Duration.ofDays(2))),
            FIFTY_A_DAY,
            EIGHTY_A_MONTH);

    assertThat(refused)
        .isEqualTo(
            Either.left(
                new CapReached(
                    EIGHTY_A_MONTH,
                    Money.ofCents(7000),
                    Money.ofCents(2000),
                    Instant.parse("2025-03-31T22:00:00Z"))));
  }

  @Test
  void aRequestReservedAlreadyKeepsItsReservationAndCountsOnce() {
    Reservation first = order("alice", "r1", 3000, MORNING);
    reserve(first, FIFTY_A_DAY);

    assertThat(reserve(order("alice", "r1", 3000, MORNING.plusSeconds(60)), FIFTY_A_DAY))
        .isEqualTo(Either.right(first));
    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(3000));
  }

  @Test
  void withoutCapsAReservationIsMadeUnchecked() {
    reserve(order("alice", "r1", 4000, MORNING), FIFTY_A_DAY);

    assertThat(reserve(order("alice", "r2", 4000, MORNING)).isRight()).isTrue();
    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(8000));
  }

  @Test
  void eachCallerHasItsOwnReservations() {
    reserve(order("alice", "r1", 5000, MORNING), FIFTY_A_DAY);

    assertThat(reserve(order("bob", "r2", 5000, MORNING), FIFTY_A_DAY).isRight()).isTrue();
    assertThat(spentToday("bob", MORNING)).isEqualTo(Money.ofCents(5000));
  }

  @Test
  void aReservationCountsInTheRomanDayThatHoldsIt() {
    reserve(order("alice", "r1", 5000, LAST_MINUTE), FIFTY_A_DAY);

    assertThat(reserve(order("alice", "r2", 5000, MIDNIGHT), FIFTY_A_DAY).isRight()).isTrue();
    assertThat(spentToday("alice", LAST_MINUTE)).isEqualTo(Money.ofCents(5000));
    assertThat(spentToday("alice", MIDNIGHT)).isEqualTo(Money.ofCents(5000));
    assertThat(right(ledger.spent("alice", SpendingPeriod.MONTH.window(MORNING))))
        .isEqualTo(Money.ofCents(10000));
  }

  @Test
  void aReleasedReservationNoLongerCounts() {
    reserve(order("alice", "r1", 5000, MORNING), FIFTY_A_DAY);

    assertThat(right(ledger.release(Charge.order(new RequestId("r1"))))).isTrue();

    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ZERO);
    assertThat(reserve(order("alice", "r2", 5000, MORNING), FIFTY_A_DAY).isRight()).isTrue();
  }

  @Test
  void aSearchAddedToARequestIsReservedAndReleasedApartFromItsOrder() {
    RequestId longest = new RequestId("r".repeat(64));
    reserve(new Reservation("alice", Charge.order(longest), Money.ofCents(1464), MORNING));
    Charge search = Charge.addedSearch(longest, 1);
    reserve(new Reservation("alice", search, Money.ofCents(244), MORNING));

    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(1708));
    assertThat(right(ledger.release(search))).isTrue();
    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(1464));
  }

  @Test
  void releasingARequestWithoutAReservationChangesNothing() {
    reserve(order("alice", "r1", 1000, MORNING));

    assertThat(right(ledger.release(Charge.order(new RequestId("other"))))).isFalse();
    assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(1000));
  }

  @Test
  void ofConcurrentReservationsOfOneCallerNoneGoesOverTheCap() throws Exception {
    int contenders = 12;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Either<CapReached, Reservation>>> attempts =
        List.range(0, contenders)
            .map(n ->
                () -> {
                  start.await();
                  return reserve(order("alice", "race-" + n, 1220, MORNING), FIFTY_A_DAY);
                });
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      List<Future<Either<CapReached, Reservation>>> futures = attempts.map(pool::submit);
      start.countDown();
      List<Either<CapReached, Reservation>> results = futures.map(SpendingLedgerContract::await);

      assertThat(results.count(Either::isRight)).isEqualTo(4);
      assertThat(spentToday("alice", MORNING)).isEqualTo(Money.ofCents(4880));
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (Exception failed) {
      throw new AssertionError("a reservation failed", failed);
    }
  }
}

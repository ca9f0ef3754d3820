package dev.sportello.adapter.persistence;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SpendingLedger.Charge;
import dev.sportello.application.port.out.SpendingLedger.Reservation;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What the spending ledger must do when instances share its database: a reservation without caps is
 * one insert, and the inserts of one charge that lose read back the one that won.
 */
abstract class SharedSpendingLedgerContract {
  private static final Instant MORNING = Instant.parse("2025-03-01T09:00:00Z");

  /** Each call answers the ledger of another adapter on the same new database. */
  abstract Supplier<SpendingLedger> newLedgerSharedByInstances();

  @Test
  void concurrentUncheckedReservationsOfOneChargeOnTwoInstancesAnswerOneReservationCountedOnce() {
    Supplier<SpendingLedger> instances = newLedgerSharedByInstances();
    List<SpendingLedger> ledgers = List.of(instances.get(), instances.get());
    Charge charge = Charge.order(new RequestId("shared-order"));
    int contenders = 16;
    // Each attempt its own time, so that an answer shows whose reservation it is.
    List<Reservation> attempts =
        List.range(0, contenders)
            .map(
                n -> new Reservation("alice", charge, Money.ofCents(1220), MORNING.plusSeconds(n)));
    // Every attempt waits at the phaser until all have arrived, so that they insert at once.
    Phaser start = new Phaser(contenders);
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      List<CompletableFuture<Reservation>> futures =
          attempts
              .zipWithIndex()
              .map(attempt ->
                  CompletableFuture.supplyAsync(
                      () -> {
                        start.arriveAndAwaitAdvance();
                        return right(
                            right(ledgers.get(attempt._2 % 2).reserve(attempt._1, List.empty())));
                      },
                      pool));
      List<Reservation> answers = futures.map(CompletableFuture::join);

      assertThat(answers.distinct()).hasSize(1);
      assertThat(attempts).contains(answers.head());
      for (SpendingLedger ledger : ledgers) {
        assertThat(right(ledger.spent("alice", SpendingPeriod.DAY.window(MORNING))))
            .isEqualTo(Money.ofCents(1220));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

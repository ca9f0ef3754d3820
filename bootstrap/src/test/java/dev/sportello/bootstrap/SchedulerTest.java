package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.persistence.PersistenceAdapter.ResealReport;
import dev.sportello.application.port.in.SynchroniseUseCase;
import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.application.port.out.StorageFailure;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private static final SyncReport NOTHING =
      new SyncReport(List.empty(), List.empty(), List.empty(), HashMap.empty());

  private static Scheduler scheduler(SynchroniseUseCase sync) {
    return new Scheduler(
        sync,
        () -> Either.right(0),
        SchedulerTest::nothingToReseal,
        () -> {},
        new Metrics(),
        Duration.ofMillis(20));
  }

  @Test
  void closingLetsTheCycleInFlightFinish() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    Scheduler scheduler =
        scheduler(() -> {
          started.countDown();
          try {
            Thread.sleep(300);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Either.right(NOTHING);
          }
          finished.set(true);
          return Either.right(NOTHING);
        });
    scheduler.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    scheduler.close();

    assertThat(finished).isTrue();
  }

  @Test
  void aCycleThatThrowsDoesNotStopTheNextOnes() throws InterruptedException {
    AtomicInteger cycles = new AtomicInteger();
    CountDownLatch third = new CountDownLatch(3);
    try (Scheduler scheduler =
        scheduler(() -> {
          third.countDown();
          if (cycles.incrementAndGet() == 1) {
            throw new IllegalStateException("the first cycle fails");
          }
          return Either.right(NOTHING);
        })) {
      scheduler.start();

      assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void closingDoesNotWaitForTheNextCycle() {
    Scheduler scheduler =
        new Scheduler(
                () -> Either.right(NOTHING),
                () -> Either.right(0),
                SchedulerTest::nothingToReseal,
                () -> {},
                new Metrics(),
                Duration.ofHours(1))
            .start();
    long started = System.nanoTime();

    scheduler.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void sealingAgainRunsBatchAfterBatchWhileAPassIsUnderWay() throws InterruptedException {
    AtomicInteger steps = new AtomicInteger();
    CountDownLatch fourth = new CountDownLatch(4);
    try (Scheduler scheduler =
        new Scheduler(
            () -> Either.right(NOTHING),
            () -> Either.right(0),
            () -> {
              fourth.countDown();
              return Either.right(new ResealReport(1, 0, steps.incrementAndGet() >= 4));
            },
            () -> {},
            new Metrics(),
            Duration.ofHours(1))) {
      scheduler.start();

      // Four steps come before the first step and a single idle pause could have passed.
      assertThat(fourth.await(2 + Scheduler.RESEAL_IDLE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aLongBatchOfSealingAgainDoesNotHoldUpTheSyncCycle() throws InterruptedException {
    CountDownLatch sealing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch cyclesWhileSealing = new CountDownLatch(2);
    try (Scheduler scheduler =
        new Scheduler(
            () -> {
              if (sealing.getCount() == 0) {
                cyclesWhileSealing.countDown();
              }
              return Either.right(NOTHING);
            },
            () -> Either.right(0),
            () -> {
              sealing.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
              return Either.right(new ResealReport(100, 100, false));
            },
            () -> {},
            new Metrics(),
            Duration.ofMillis(20))) {
      scheduler.start();

      try {
        assertThat(cyclesWhileSealing.await(5, TimeUnit.SECONDS)).isTrue();
      } finally {
        release.countDown();
      }
    }
  }

  static Either<StorageFailure, ResealReport> nothingToReseal() {
    return Either.right(new ResealReport(0, 0, true));
  }
}

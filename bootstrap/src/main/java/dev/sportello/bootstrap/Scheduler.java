package dev.sportello.bootstrap;

import dev.sportello.adapter.persistence.PersistenceAdapter.ResealReport;
import dev.sportello.application.port.in.SynchroniseUseCase;
import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sync cycle (which also sends accepted requests and fetches available documents) every
 * interval plus a random fifth of it, so that instances sharing a database do not all wake at once,
 * and the retention purge every hour, on one thread: neither overlaps the other. The sealing of
 * stored data with the current data key runs on a thread of its own, a batch at a time, back to
 * back while a pass is under way, and a look at the key file every few seconds otherwise: a batch
 * that seals large documents again takes as long as their size needs, and the sync cycle does not
 * wait for it (its writes are optimistic, like every writer's). The upstream token's expiry is
 * looked at every minute on a third thread, since a renewal waits for the OAuth service. Closing
 * lets the tasks in flight finish.
 */
final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  /** How often the key file is looked at when no data waits to be sealed again. */
  static final Duration RESEAL_IDLE = Duration.ofSeconds(5);

  /** The pause between two batches of a pass, which leaves the store to the requests' work. */
  private static final Duration RESEAL_BUSY = Duration.ofMillis(50);

  /** How often the upstream token's expiry is looked at. */
  static final Duration TOKEN_CHECK = Duration.ofMinutes(1);

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private final ScheduledThreadPoolExecutor executor = executor("sportello-scheduler");
  private final ScheduledThreadPoolExecutor resealing = executor("sportello-resealing");
  private final ScheduledThreadPoolExecutor renewing = executor("sportello-token-renewal");
  private final SynchroniseUseCase sync;
  private final Supplier<Either<StorageFailure, ?>> purge;
  private final Supplier<Either<StorageFailure, ResealReport>> reseal;
  private final Runnable renewToken;
  private final Metrics metrics;
  private final Duration interval;

  /**
   * @param renewToken replaces the upstream token when it is close to its expiry, so that a renewal
   *     seldom falls on a caller; run every minute
   */
  Scheduler(
      SynchroniseUseCase sync,
      Supplier<Either<StorageFailure, ?>> purge,
      Supplier<Either<StorageFailure, ResealReport>> reseal,
      Runnable renewToken,
      Metrics metrics,
      Duration interval) {
    this.sync = sync;
    this.purge = purge;
    this.reseal = reseal;
    this.renewToken = renewToken;
    this.metrics = metrics;
    this.interval = interval;
  }

  static ScheduledThreadPoolExecutor executor(String name) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, runnable -> Thread.ofPlatform().name(name).unstarted(runnable));
    // On close, the next cycle is not waited for; only the one running is.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }

  /**
   * Schedules the first sync cycle soon, the first purge after a minute and the sealing of stored
   * data with the current key after the first cycle.
   */
  Scheduler start() {
    // The tasks catch and log their own failures, so their futures hold nothing to look at.
    var unusedSync = executor.schedule(this::syncAndReschedule, 1, TimeUnit.SECONDS);
    var unusedReseal = resealing.schedule(this::resealAndReschedule, 2, TimeUnit.SECONDS);
    var unusedRenewal =
        renewing.scheduleWithFixedDelay(
            this::renewOnce, TOKEN_CHECK.toSeconds(), TOKEN_CHECK.toSeconds(), TimeUnit.SECONDS);
    var unusedPurge =
        executor.scheduleWithFixedDelay(
            this::purgeOnce, 60, PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
    return this;
  }

  /** One sync cycle now, on the caller's thread; the scheduled ones go on. */
  Either<UseCaseError, SyncReport> syncOnce() {
    long started = System.nanoTime();
    Either<UseCaseError, SyncReport> result;
    try {
      result = sync.synchronise();
    } catch (RuntimeException unexpected) {
      metrics.syncCycle(Duration.ofNanos(System.nanoTime() - started), "failed");
      throw unexpected;
    }
    metrics.syncCycle(
        Duration.ofNanos(System.nanoTime() - started), result.isRight() ? "ok" : "failed");
    if (result.isLeft()) {
      LOG.warn("sync cycle failed: {}", result.getLeft().message());
    } else if (!result.get().changed().isEmpty() || !result.get().dispatched().isEmpty()) {
      LOG.info(
          "sync cycle: {} sent, {} changed, {} documents stored",
          result.get().dispatched().size(),
          result.get().changed().size(),
          result.get().documentsStored().size());
    }
    return result;
  }

  private void syncAndReschedule() {
    try {
      syncOnce();
    } catch (RuntimeException unexpected) {
      // The next cycle may succeed; stopping the schedule would stop every request.
      // The type and where it was thrown, not the message: messages may quote values.
      LOG.error(
          "sync cycle failed unexpectedly: {} at {}",
          unexpected.getClass().getName(),
          Arrays.stream(unexpected.getStackTrace())
              .limit(8)
              .map(StackTraceElement::toString)
              .collect(Collectors.joining(" < ")));
    } finally {
      if (!executor.isShutdown()) {
        long jitter = ThreadLocalRandom.current().nextLong(interval.toMillis() / 5 + 1);
        var unused =
            executor.schedule(
                this::syncAndReschedule, interval.toMillis() + jitter, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void purgeOnce() {
    try {
      Either<StorageFailure, ?> purged = purge.get();
      metrics.purge(purged.isRight() ? "ok" : "failed");
      if (purged.isLeft()) {
        LOG.warn("retention purge failed: {}", purged.getLeft().message());
      }
    } catch (RuntimeException unexpected) {
      metrics.purge("failed");
      LOG.error("retention purge failed unexpectedly: {}", unexpected.getClass().getName());
    }
  }

  private void renewOnce() {
    try {
      renewToken.run();
    } catch (RuntimeException unexpected) {
      LOG.error(
          "renewing the upstream token failed unexpectedly: {}", unexpected.getClass().getName());
    }
  }

  /** One batch of sealing stored data with the current key, then the next one when it is due. */
  private void resealAndReschedule() {
    Duration next = RESEAL_IDLE;
    try {
      Either<StorageFailure, ResealReport> step = reseal.get();
      if (step.isLeft()) {
        metrics.resealed(0, 0, "failed");
        LOG.warn("sealing stored data with the current key failed: {}", step.getLeft().message());
      } else {
        metrics.resealed(step.get().requests(), step.get().documents(), "ok");
        next = step.get().finished() ? RESEAL_IDLE : RESEAL_BUSY;
      }
    } catch (RuntimeException unexpected) {
      metrics.resealed(0, 0, "failed");
      LOG.error(
          "sealing stored data with the current key failed unexpectedly: {}",
          unexpected.getClass().getName());
    } finally {
      if (!resealing.isShutdown()) {
        var unused =
            resealing.schedule(this::resealAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Stops scheduling and waits for the tasks in flight to finish. */
  @Override
  public void close() {
    executor.shutdown();
    resealing.shutdown();
    renewing.shutdown();
    stop(executor);
    stop(resealing);
    stop(renewing);
  }

  static void stop(ScheduledThreadPoolExecutor executor) {
    try {
      if (!executor.awaitTermination(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("the task in flight did not finish within {}; stopping it", SHUTDOWN_WAIT);
        executor.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}

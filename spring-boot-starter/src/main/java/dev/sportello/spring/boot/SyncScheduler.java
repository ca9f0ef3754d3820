package dev.sportello.spring.boot;

import dev.sportello.adapter.persistence.PersistenceAdapter;
import dev.sportello.application.port.in.SynchroniseUseCase;
import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.application.port.in.UseCaseError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the sync cycle on a thread of its own, {@code sportello.sync.interval} after the end of the
 * previous one, from the moment the application context has started until it stops; a stop lets the
 * cycle in flight finish. On the same thread, after each cycle, it seals a batch of stored data
 * again when the data keys were rotated, and every hour it erases personal data past its retention
 * (both when the store is Sportello's own). A cycle's failure is logged and the next one runs.
 */
final class SyncScheduler implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

  /** How often personal data past its retention is erased. */
  static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final SynchroniseUseCase sync;
  private final Option<PersistenceAdapter> store;
  private final Duration interval;
  private @Nullable ScheduledThreadPoolExecutor executor;

  /**
   * @param sync the cycle
   * @param store the store whose data it keeps sealed and erases past retention, if Sportello's
   * @param interval the pause between two cycles
   */
  SyncScheduler(SynchroniseUseCase sync, Option<PersistenceAdapter> store, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalStateException("sportello.sync.interval must be positive");
    }
    this.sync = sync;
    this.store = store;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    ScheduledThreadPoolExecutor started =
        new ScheduledThreadPoolExecutor(
            1, task -> Thread.ofPlatform().name("sportello-sync").daemon(true).unstarted(task));
    started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    // The tasks log their own failures: their futures hold nothing to look at.
    var unusedCycles =
        started.scheduleWithFixedDelay(this::cycle, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    var unusedPurges =
        started.scheduleWithFixedDelay(
            this::purge,
            PURGE_INTERVAL.toMillis(),
            PURGE_INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
    executor = started;
  }

  @Override
  public synchronized void stop() {
    ScheduledThreadPoolExecutor running = executor;
    if (running == null) {
      return;
    }
    executor = null;
    running.shutdown();
    try {
      if (!running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the sync cycle did not finish within {}; stopping it", STOP_WAIT);
        running.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  private void cycle() {
    try {
      Either<UseCaseError, SyncReport> result = sync.synchronise();
      if (result.isLeft()) {
        LOG.warn("sync cycle failed: {}", result.getLeft().message());
      } else if (!result.get().changed().isEmpty() || !result.get().dispatched().isEmpty()) {
        LOG.info(
            "sync cycle: {} sent, {} changed, {} documents stored",
            result.get().dispatched().size(),
            result.get().changed().size(),
            result.get().documentsStored().size());
      }
      store.forEach(opened ->
          opened
              .resealStep()
              .peekLeft(failure ->
                  LOG.warn(
                      "sealing stored data with the current key failed: {}", failure.message())));
    } catch (RuntimeException unexpected) {
      // The next cycle may succeed; an exception would end the schedule, and every request with
      // it. The type only: a message may quote a value.
      LOG.error("sync cycle failed unexpectedly: {}", unexpected.getClass().getName());
    }
  }

  private void purge() {
    try {
      store.forEach(opened ->
          opened
              .purgeExpired()
              .peekLeft(failure -> LOG.warn("retention purge failed: {}", failure.message())));
    } catch (RuntimeException unexpected) {
      LOG.error("retention purge failed unexpectedly: {}", unexpected.getClass().getName());
    }
  }
}

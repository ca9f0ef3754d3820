package dev.sportello.bootstrap;

import dev.sportello.application.port.in.DeliverWebhooksUseCase;
import dev.sportello.application.port.in.DeliverWebhooksUseCase.DeliveryReport;
import dev.sportello.application.port.in.UseCaseError;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the callers' due webhook messages on a thread of its own, beside the {@link Scheduler}'s: a
 * batch at a time, the next one at once while batches find work, every {@link #IDLE} otherwise. A
 * slow or silent receiver holds this thread for at most a batch of sends, each bounded by the
 * sender's timeout, and never the sync cycle. Closing lets the batch in flight finish.
 */
final class WebhookDispatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatch.class);

  /** How often the store is asked for due messages when the last batch found none. */
  static final Duration IDLE = Duration.ofSeconds(1);

  private final ScheduledThreadPoolExecutor executor = Scheduler.executor("sportello-webhooks");
  private final DeliverWebhooksUseCase deliver;

  WebhookDispatch(DeliverWebhooksUseCase deliver) {
    this.deliver = deliver;
  }

  WebhookDispatch start() {
    var unused =
        executor.schedule(this::deliverAndReschedule, IDLE.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One batch, logged. */
  private Either<UseCaseError, DeliveryReport> deliverOnce() {
    Either<UseCaseError, DeliveryReport> result = deliver.deliverDue();
    if (result.isLeft()) {
      LOG.warn("sending webhooks failed: {}", result.getLeft().message());
    } else if (!result.get().idle()) {
      DeliveryReport report = result.get();
      LOG.debug(
          "webhooks: {} delivered, {} to retry, {} given up, {} left for later, {} not recorded",
          report.delivered(),
          report.retrying(),
          report.givenUp(),
          report.left(),
          report.unrecorded());
    }
    return result;
  }

  private void deliverAndReschedule() {
    Duration next = IDLE;
    try {
      if (deliverOnce().exists(report -> !report.idle())) {
        next = Duration.ZERO;
      }
    } catch (RuntimeException unexpected) {
      // The type only: a message may quote an address or a value.
      LOG.error("sending webhooks failed unexpectedly: {}", unexpected.getClass().getName());
    } finally {
      if (!executor.isShutdown()) {
        var unused =
            executor.schedule(this::deliverAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Stops scheduling and waits for the batch in flight. */
  @Override
  public void close() {
    executor.shutdown();
    Scheduler.stop(executor);
  }
}

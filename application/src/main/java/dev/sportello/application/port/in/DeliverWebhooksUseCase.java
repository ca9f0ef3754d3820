package dev.sportello.application.port.in;

import io.vavr.control.Either;

/**
 * Sends the webhook messages that are due. Run it on a schedule (every few seconds); several
 * instances may run it at once over a shared store.
 */
public interface DeliverWebhooksUseCase {

  /**
   * Claims a bounded batch of due deliveries, sends each once, records the attempt and schedules
   * the next one with Standard Webhooks' backoff (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
   * 10 h…), giving up a day after the delivery was queued. A 2xx answer delivers; any other answer,
   * a timeout or a failed connection is retried, except 410 Gone, which gives the delivery up at
   * once.
   */
  Either<UseCaseError, DeliveryReport> deliverDue();

  /**
   * What one run did.
   *
   * @param delivered deliveries the receiver took
   * @param retrying deliveries whose attempt failed and that will be tried again
   * @param givenUp deliveries whose attempt failed and that will not be tried again
   */
  record DeliveryReport(int delivered, int retrying, int givenUp) {
    /** Whether the run found nothing due. */
    public boolean idle() {
      return delivered + retrying + givenUp == 0;
    }
  }
}

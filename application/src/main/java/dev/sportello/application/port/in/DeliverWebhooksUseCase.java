package dev.sportello.application.port.in;

import io.vavr.control.Either;

/**
 * Sends the webhook messages that are due. Run it on a schedule (every few seconds); several
 * instances may run it at once over a shared store.
 */
public interface DeliverWebhooksUseCase {

  /**
   * Claims a bounded batch of due deliveries and sends each once, one endpoint's in turn and
   * several endpoints at once (a receiver that does not answer holds up only its own caller's
   * messages, and its other messages wait for a later run); records the attempt and schedules the
   * next one with Standard Webhooks' backoff (immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10
   * h…), giving up after about a day (eight attempts, the last about 27 hours after the delivery
   * was queued). A 2xx answer delivers; any other answer, a timeout or a failed connection is
   * retried, except 410 Gone, which gives the delivery up at once.
   *
   * @return what the run did, or why the store failed
   */
  Either<UseCaseError, DeliveryReport> deliverDue();

  /**
   * What one run did.
   *
   * @param delivered deliveries the receiver took
   * @param retrying deliveries whose attempt failed and that will be tried again
   * @param givenUp deliveries whose attempt failed and that will not be tried again
   * @param left deliveries claimed but not sent in this run (their endpoint did not answer an
   *     earlier one, or the run ran past half the lease), taken up again when their lease ends
   * @param unrecorded deliveries sent whose attempt could not be stored, sent again when their
   *     lease ends
   */
  record DeliveryReport(int delivered, int retrying, int givenUp, int left, int unrecorded) {
    /**
     * Whether the run found nothing due.
     *
     * @return true when every count is zero
     */
    public boolean idle() {
      return delivered + retrying + givenUp + left + unrecorded == 0;
    }
  }
}

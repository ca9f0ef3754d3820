package dev.sportello.application.port.in;

import dev.sportello.domain.webhook.WebhookDelivery;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/** A caller's webhook delivery log: read it, and replay a delivery. */
public interface WebhookDeliveriesUseCase {

  /**
   * A page of the caller's deliveries, newest first.
   *
   * @param query whose deliveries, from which cursor, how many
   * @return the page, or why it cannot be read (such as a malformed cursor)
   */
  Either<UseCaseError, DeliveryListing> list(ListDeliveriesQuery query);

  /**
   * One of the caller's deliveries; {@link UseCaseError.NotFound} for another caller's.
   *
   * @param query the caller and the delivery's id
   * @return the delivery, or why it cannot be read
   */
  Either<UseCaseError, WebhookDelivery> get(DeliveryQuery query);

  /**
   * Queues a delivery again now: same message id and payload, so that the receiver can deduplicate,
   * with a fresh day of retries. {@link UseCaseError.NotReady} while it is still pending; {@link
   * UseCaseError.NotFound} when the caller has no such delivery or no endpoint.
   *
   * @param query the caller and the delivery's id
   * @return the delivery as queued again, or why it was not
   */
  Either<UseCaseError, WebhookDelivery> replay(DeliveryQuery query);

  /**
   * A page of deliveries.
   *
   * @param deliveries the deliveries, newest first
   * @param nextCursor the cursor of the next page, or empty on the last page
   */
  record DeliveryListing(List<WebhookDelivery> deliveries, Option<String> nextCursor) {
    /** Checks that every component is given. */
    public DeliveryListing {
      Objects.requireNonNull(deliveries, "deliveries");
      Objects.requireNonNull(nextCursor, "nextCursor");
    }
  }
}

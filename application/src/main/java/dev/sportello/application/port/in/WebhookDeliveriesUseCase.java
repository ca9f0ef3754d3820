package dev.sportello.application.port.in;

import dev.sportello.domain.webhook.WebhookDelivery;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/** A caller's webhook delivery log: read it, and replay a delivery. */
public interface WebhookDeliveriesUseCase {

  /** A page of the caller's deliveries, newest first. */
  Either<UseCaseError, DeliveryListing> list(ListDeliveriesQuery query);

  /** One of the caller's deliveries; {@link UseCaseError.NotFound} for another caller's. */
  Either<UseCaseError, WebhookDelivery> get(DeliveryQuery query);

  /**
   * Queues a delivery again now: same message id and payload, so that the receiver can deduplicate,
   * with a fresh day of retries. {@link UseCaseError.NotReady} while it is still pending; {@link
   * UseCaseError.NotFound} when the caller has no such delivery or no endpoint.
   */
  Either<UseCaseError, WebhookDelivery> replay(DeliveryQuery query);

  /**
   * A page of deliveries.
   *
   * @param deliveries the deliveries, newest first
   * @param nextCursor the cursor of the next page, or empty on the last page
   */
  record DeliveryListing(List<WebhookDelivery> deliveries, Option<String> nextCursor) {
    public DeliveryListing {
      Objects.requireNonNull(deliveries, "deliveries");
      Objects.requireNonNull(nextCursor, "nextCursor");
    }
  }
}

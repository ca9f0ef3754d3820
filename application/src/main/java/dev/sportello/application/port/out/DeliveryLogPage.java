package dev.sportello.application.port.out;

import dev.sportello.domain.webhook.WebhookDelivery;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A page of a caller's delivery log.
 *
 * @param items the deliveries, newest first
 * @param next where the next page starts, or empty on the last page
 */
public record DeliveryLogPage(
    List<WebhookDelivery> items, Option<DeliveryLogRequest.Position> next) {
  /** Checks that every component is given. */
  public DeliveryLogPage {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(next, "next");
  }
}

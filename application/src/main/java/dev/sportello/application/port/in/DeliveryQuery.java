package dev.sportello.application.port.in;

import java.util.Objects;

/**
 * Names one webhook delivery of a caller.
 *
 * @param caller whose delivery
 * @param deliveryId the delivery's id ({@code msg_…}), as given (checked by the use case)
 */
public record DeliveryQuery(String caller, String deliveryId) {
  /** Checks that every component is given. */
  public DeliveryQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(deliveryId, "deliveryId");
  }
}

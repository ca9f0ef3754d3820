package dev.sportello.application.port.out;

import dev.sportello.domain.webhook.WebhookDelivery;
import java.util.Objects;

/**
 * A due delivery taken by one worker for the length of a lease, with where it goes.
 *
 * @param delivery the delivery as claimed
 * @param endpoint its caller's endpoint, with the secrets
 * @param claim which claim of the delivery this is; recording an attempt names it, so that a worker
 *     whose lease ran out and was taken over records nothing
 */
public record ClaimedDelivery(WebhookDelivery delivery, StoredEndpoint endpoint, long claim) {
  /** Checks that every component is given. */
  public ClaimedDelivery {
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(endpoint, "endpoint");
  }
}

package dev.sportello.application.service;

import dev.sportello.application.port.in.DeliverWebhooksUseCase;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase;
import dev.sportello.application.port.in.WebhookEndpointUseCase;
import dev.sportello.application.port.out.WebhookSecrets;
import dev.sportello.application.port.out.WebhookSender;
import dev.sportello.application.port.out.WebhookStore;
import java.time.Clock;

/**
 * Builds the outbound-webhook use cases from their ports. Separate from {@link UseCases}, which
 * needs nothing of webhooks: the messages are queued by the {@code RequestRepository} itself, in
 * the transaction of each change, and these use cases manage endpoints, read the log and send.
 */
public final class WebhookUseCases {
  private final EndpointService endpoints;
  private final DeliveryLogService log;
  private final DeliveryService delivery;

  private WebhookUseCases(
      WebhookStore store,
      WebhookSender sender,
      WebhookSecrets secrets,
      Clock clock,
      WebhookSettings settings) {
    this.endpoints = new EndpointService(store, secrets, clock, settings.rotationOverlap());
    this.log = new DeliveryLogService(store, clock);
    this.delivery = new DeliveryService(store, sender, clock, settings);
  }

  /**
   * The webhook use cases over this store and sender.
   *
   * @param store where endpoints and deliveries are kept
   * @param sender what posts the messages
   * @param secrets where new signing secrets come from (a secure random source)
   * @param clock the time
   * @param settings batch size, lease and rotation overlap
   * @return the use cases
   */
  public static WebhookUseCases create(
      WebhookStore store,
      WebhookSender sender,
      WebhookSecrets secrets,
      Clock clock,
      WebhookSettings settings) {
    return new WebhookUseCases(store, sender, secrets, clock, settings);
  }

  /**
   * Register, read, remove a caller's endpoint, and rotate its secret.
   *
   * @return the endpoint use case
   */
  public WebhookEndpointUseCase endpoints() {
    return endpoints;
  }

  /**
   * A caller's delivery log, and replays.
   *
   * @return the delivery log use case
   */
  public WebhookDeliveriesUseCase deliveries() {
    return log;
  }

  /**
   * Sends what is due; for a scheduler.
   *
   * @return the delivery use case
   */
  public DeliverWebhooksUseCase deliverDue() {
    return delivery;
  }
}

package dev.sportello.application.testing;

import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.WebhookStore;

class InMemoryRequestRepositoryTest extends RequestRepositoryContract {
  private final InMemoryWebhookStore webhooks = new InMemoryWebhookStore();

  @Override
  protected RequestRepository newRepository() {
    return new InMemoryRequestRepository(webhooks);
  }

  @Override
  protected WebhookStore webhookStore() {
    return webhooks;
  }
}

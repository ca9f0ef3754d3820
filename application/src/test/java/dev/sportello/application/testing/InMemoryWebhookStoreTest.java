package dev.sportello.application.testing;

class InMemoryWebhookStoreTest extends WebhookStoreContract {
  @Override
  protected Stores newStores() {
    InMemoryWebhookStore webhooks = new InMemoryWebhookStore();
    return new Stores(webhooks, new InMemoryRequestRepository(webhooks));
  }
}

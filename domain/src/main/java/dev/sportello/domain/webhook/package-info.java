/**
 * What a caller's webhook endpoint is told and what became of it: the {@link
 * dev.sportello.domain.webhook.WebhookEvent}s a request's changes produce, the {@link
 * dev.sportello.domain.webhook.WebhookMessage} that carries one, the {@link
 * dev.sportello.domain.webhook.WebhookDelivery} with its attempts, and the endpoint with its
 * signing {@link dev.sportello.domain.webhook.WebhookSecret}. Values shared by the inbound and the
 * outbound ports of webhooks.
 */
@NullMarked
package dev.sportello.domain.webhook;

import org.jspecify.annotations.NullMarked;

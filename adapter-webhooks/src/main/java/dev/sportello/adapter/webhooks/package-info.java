/**
 * Outbound webhooks: each caller's messages posted to its endpoint, signed in the Standard Webhooks
 * format (HMAC-SHA256 over {@code "{id}.{timestamp}.{body}"} with the {@code whsec_} secret's
 * bytes, one {@code v1} signature per active secret).
 *
 * <p>{@link dev.sportello.adapter.webhooks.WebhooksAdapter} is the factory, {@link
 * dev.sportello.adapter.webhooks.WebhooksSettings} its settings. Posts never follow redirects, read
 * at most a few KiB of the answer, and end within a timeout. Nothing here logs a secret, a body or
 * an endpoint's address.
 */
@NullMarked
package dev.sportello.adapter.webhooks;

import org.jspecify.annotations.NullMarked;

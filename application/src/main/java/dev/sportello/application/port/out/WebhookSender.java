package dev.sportello.application.port.out;

import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookMessage;
import java.time.Instant;

/**
 * Sends one webhook message to one endpoint: builds the message's body, signs it with every secret
 * of the target (Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}), posts it and reports what became of it. Never follows redirects, never
 * throws for a failed send, and never retries itself: retrying is the caller's.
 */
public interface WebhookSender {

  /**
   * Sends the message once.
   *
   * @param target where it goes and what signs it
   * @param message what it says
   * @param sentAt the attempt's time, signed as the {@code webhook-timestamp}
   * @return what became of the attempt
   */
  SendResult send(WebhookTarget target, WebhookMessage message, Instant sentAt);
}

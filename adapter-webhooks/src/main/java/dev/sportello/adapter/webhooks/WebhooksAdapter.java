package dev.sportello.adapter.webhooks;

import dev.sportello.application.port.out.WebhookSecrets;
import dev.sportello.application.port.out.WebhookSender;

/**
 * The outbound webhooks adapter: posts each message as JSON with the JDK's HTTP client, signed in
 * the Standard Webhooks format ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}).
 */
public final class WebhooksAdapter {
  private WebhooksAdapter() {}

  /**
   * A sender with these settings; it holds one HTTP client, shared by every send.
   *
   * @param settings timeouts, user agent and whether private networks are allowed
   * @return the sender, safe to share between threads
   */
  public static WebhookSender create(WebhooksSettings settings) {
    return new HttpWebhookSender(settings);
  }

  /**
   * The signing secrets for {@code WebhookUseCases}: 32 bytes each from a {@link
   * java.security.SecureRandom}.
   *
   * @return a source of secrets, safe to share between threads
   */
  public static WebhookSecrets secrets() {
    return new RandomWebhookSecrets();
  }
}

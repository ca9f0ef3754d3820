package dev.sportello.application.port.out;

import dev.sportello.domain.webhook.WebhookSecret;
import io.vavr.collection.List;
import java.util.Objects;

/**
 * Where one message goes and what signs it.
 *
 * @param url the endpoint's URL
 * @param secrets every secret the message is signed with, the current one first; one {@code v1}
 *     signature each in the {@code webhook-signature} header
 */
public record WebhookTarget(String url, List<WebhookSecret> secrets) {
  /** Checks that every component is given and that there is at least one secret. */
  public WebhookTarget {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secrets, "secrets");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("a message is signed with at least one secret");
    }
  }
}

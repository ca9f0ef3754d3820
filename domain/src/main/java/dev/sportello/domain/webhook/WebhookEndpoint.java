package dev.sportello.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a caller's webhook messages go, as shown to the caller (never with its secret).
 *
 * @param caller whose endpoint it is; a caller has at most one
 * @param url where messages are posted: an absolute {@code https} URL, or {@code http} to a
 *     loopback host, as checked when it was registered
 * @param createdAt when it was registered (or last replaced)
 * @param secretCreatedAt when its current signing secret was generated
 */
public record WebhookEndpoint(
    String caller, String url, Instant createdAt, Instant secretCreatedAt) {
  /** Checks that every component is given. */
  public WebhookEndpoint {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(secretCreatedAt, "secretCreatedAt");
  }
}

package dev.sportello.application.port.out;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a caller's webhook messages go, as shown to the caller (never with its secret).
 *
 * @param caller whose endpoint it is; a caller has at most one
 * @param url where messages are posted: {@code https}, or {@code http} to a loopback host
 * @param createdAt when it was registered (or last replaced)
 * @param secretCreatedAt when its current signing secret was generated
 */
public record WebhookEndpoint(String caller, URI url, Instant createdAt, Instant secretCreatedAt) {
  public WebhookEndpoint {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(secretCreatedAt, "secretCreatedAt");
  }
}

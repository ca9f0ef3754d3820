package dev.sportello.application.port.in;

import java.util.Objects;

/**
 * Registers a caller's webhook endpoint, as given (checked by the use case).
 *
 * @param caller whose endpoint
 * @param url where messages go: {@code https}, or {@code http} to a loopback host; no user
 *     information, no fragment, at most 2,000 characters
 */
public record RegisterEndpointCommand(String caller, String url) {
  /** Checks that every component is given. */
  public RegisterEndpointCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(url, "url");
  }
}

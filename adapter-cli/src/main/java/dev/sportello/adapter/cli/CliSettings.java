package dev.sportello.adapter.cli;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.util.Objects;

/**
 * Where the client commands find the service when their own {@code --url} and {@code --api-key} do
 * not say.
 *
 * @param serviceUrl the service's address, or why the configured one cannot be used; a client
 *     command says so when it runs, so that a bad address troubles no other command
 * @param apiKey the API key sent as a bearer token, when one is configured
 */
public record CliSettings(Either<String, URI> serviceUrl, Option<String> apiKey) {

  /** Checks that both components are given. */
  public CliSettings {
    Objects.requireNonNull(serviceUrl, "serviceUrl");
    Objects.requireNonNull(apiKey, "apiKey");
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "CliSettings[serviceUrl=" + serviceUrl + ", apiKey=" + apiKey.map(key -> "***") + "]";
  }
}

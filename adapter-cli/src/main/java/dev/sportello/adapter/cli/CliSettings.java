package dev.sportello.adapter.cli;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.net.URISyntaxException;
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

  /**
   * The address the text gives, when it is an absolute http or https URL with a host and neither
   * query nor fragment: the one rule for an address of the service, whether the client commands are
   * given it or the service is configured with it.
   *
   * @param text the address as written
   * @return the address, or none when the text is no such URL
   */
  public static Option<URI> httpUrl(String text) {
    try {
      URI uri = new URI(text.strip());
      boolean http =
          "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      return http
              && uri.getHost() != null
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null
          ? Option.some(uri)
          : Option.none();
    } catch (URISyntaxException malformed) {
      return Option.none();
    }
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "CliSettings[serviceUrl=" + serviceUrl + ", apiKey=" + apiKey.map(key -> "***") + "]";
  }
}

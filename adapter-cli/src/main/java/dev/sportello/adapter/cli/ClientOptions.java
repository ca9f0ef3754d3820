package dev.sportello.adapter.cli;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Where the client commands find a running service: {@code --url} and {@code --api-key}, else the
 * settings.
 */
final class ClientOptions {
  @CommandLine.Option(
      names = "--url",
      paramLabel = "URL",
      description = "the service (default: $SPORTELLO_URL, else http://localhost:8080)")
  private @Nullable URI url;

  @CommandLine.Option(
      names = "--api-key",
      paramLabel = "KEY",
      description = "the API key (default: $SPORTELLO_API_KEY)")
  private @Nullable String apiKey;

  /** A client, or why there can be none. */
  Either<String, ApiClient> client(CliSettings settings) {
    Option<String> key = Option.of(apiKey).orElse(settings.apiKey());
    if (key.isEmpty()) {
      return Either.left(
          "no API key: pass --api-key or set SPORTELLO_API_KEY (serve prints one in sandbox mode)");
    }
    URI given = url;
    Either<String, URI> base = given != null ? Either.right(given) : settings.serviceUrl();
    return base.map(address -> new ApiClient(address, key.get()));
  }
}

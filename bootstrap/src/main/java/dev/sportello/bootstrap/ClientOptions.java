package dev.sportello.bootstrap;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Where the client commands find a running service: {@code --url} (default {@code $SPORTELLO_URL},
 * else localhost on {@code $SPORTELLO_HTTP_PORT} or 8080) and {@code --api-key} (default {@code
 * $SPORTELLO_API_KEY}).
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
  Either<String, ApiClient> client(Map<String, String> environment) {
    Option<String> key = Option.of(apiKey).orElse(variable(environment, "SPORTELLO_API_KEY"));
    if (key.isEmpty()) {
      return Either.left(
          "no API key: pass --api-key or set SPORTELLO_API_KEY (serve prints one in sandbox mode)");
    }
    URI base =
        Option.of(url)
            .orElse(variable(environment, "SPORTELLO_URL").map(URI::create))
            .getOrElse(() ->
                URI.create(
                    "http://localhost:"
                        + variable(environment, "SPORTELLO_HTTP_PORT").getOrElse("8080")));
    return Either.right(new ApiClient(base, key.get()));
  }

  private static Option<String> variable(Map<String, String> environment, String name) {
    return Option.of(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }
}

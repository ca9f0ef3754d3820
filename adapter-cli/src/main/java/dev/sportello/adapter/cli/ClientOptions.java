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
  // Two lines, so that the help never breaks the address in two.
  @CommandLine.Option(
      names = "--url",
      paramLabel = "URL",
      description = {"the service (default: $SPORTELLO_URL,", "else http://localhost:8080)"})
  private @Nullable String url;

  @CommandLine.Option(
      names = "--api-key",
      paramLabel = "KEY",
      description = "the API key (default: $SPORTELLO_API_KEY)")
  private @Nullable String apiKey;

  /**
   * The address {@code --url} gives, when it gives one: an http or https URL with a host, without
   * query or fragment; or, in one line, why it is none and what one looks like.
   */
  Option<Either<String, URI>> givenUrl() {
    return Option.of(url).map(ClientOptions::httpUrl);
  }

  static Either<String, URI> httpUrl(String text) {
    // The text is echoed, to show what was taken for the address, unless it may carry a password
    // or a query's values.
    String given = text.chars().anyMatch(c -> c == '@' || c == '?' || c == '#') ? "" : " " + text;
    return CliSettings.httpUrl(text)
        .toEither(
            "--url"
                + given
                + " is not an http or https URL with a host; give one such as --url"
                + " http://localhost:8080");
  }

  /** A client, or why there can be none; a {@code --url} that is no URL is checked before. */
  Either<String, ApiClient> client(CliSettings settings) {
    Option<String> key = Option.of(apiKey).orElse(settings.apiKey());
    if (key.isEmpty()) {
      return Either.left(
          "no API key: pass --api-key or set SPORTELLO_API_KEY (serve prints one in sandbox mode)");
    }
    Either<String, URI> base = givenUrl().getOrElse(settings::serviceUrl);
    return base.map(address -> new ApiClient(address, key.get()));
  }
}

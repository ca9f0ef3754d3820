package dev.sportello.application.service;

import dev.sportello.application.port.in.EndpointWithSecret;
import dev.sportello.application.port.in.RegisterEndpointCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.WebhookEndpointUseCase;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.port.out.WebhookEndpoint;
import dev.sportello.application.port.out.WebhookSecret;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.domain.shared.Violation;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** Registers, reads and removes callers' webhook endpoints, and rotates their secrets. */
final class EndpointService implements WebhookEndpointUseCase {
  static final int MAX_URL_LENGTH = 2000;
  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  private final WebhookStore store;
  private final Clock clock;
  private final Duration rotationOverlap;
  private final SecureRandom random = new SecureRandom();

  EndpointService(WebhookStore store, Clock clock, Duration rotationOverlap) {
    this.store = store;
    this.clock = clock;
    this.rotationOverlap = rotationOverlap;
  }

  @Override
  public Either<UseCaseError, EndpointWithSecret> register(RegisterEndpointCommand command) {
    return checkedUrl(command.url())
        .flatMap(url -> {
          Instant now = clock.instant();
          WebhookSecret secret = WebhookSecret.generate(random);
          return save(
              new StoredEndpoint(
                  new WebhookEndpoint(command.caller(), url, now, now), secret, Option.none()));
        });
  }

  @Override
  public Either<UseCaseError, WebhookEndpoint> endpoint(String caller) {
    return existing(caller).map(StoredEndpoint::endpoint);
  }

  @Override
  public Either<UseCaseError, WebhookEndpoint> remove(String caller) {
    return existing(caller)
        .flatMap(stored ->
            store.removeEndpoint(caller).mapLeft(Failures::of).map(removed -> stored.endpoint()));
  }

  @Override
  public Either<UseCaseError, EndpointWithSecret> rotateSecret(String caller) {
    return existing(caller)
        .flatMap(stored -> {
          Instant now = clock.instant();
          WebhookEndpoint endpoint = stored.endpoint();
          Option<StoredEndpoint.RetiringSecret> previous =
              rotationOverlap.isZero()
                  ? Option.none()
                  : Option.some(
                      new StoredEndpoint.RetiringSecret(
                          stored.secret(), now.plus(rotationOverlap)));
          return save(
              new StoredEndpoint(
                  new WebhookEndpoint(caller, endpoint.url(), endpoint.createdAt(), now),
                  WebhookSecret.generate(random),
                  previous));
        });
  }

  private Either<UseCaseError, EndpointWithSecret> save(StoredEndpoint endpoint) {
    return store
        .saveEndpoint(endpoint)
        .mapLeft(Failures::of)
        .map(saved -> new EndpointWithSecret(saved.endpoint(), saved.secret()));
  }

  private Either<UseCaseError, StoredEndpoint> existing(String caller) {
    return store
        .endpoint(caller)
        .mapLeft(Failures::of)
        .flatMap(found ->
            found.toEither(() -> new UseCaseError.NotFound("no webhook endpoint is registered")));
  }

  /**
   * An {@code https} URL, or an {@code http} one to a loopback host (for tests and local
   * receivers): messages carry request ids, so they never travel in clear over a network.
   */
  static Either<UseCaseError, URI> checkedUrl(String text) {
    if (text.length() > MAX_URL_LENGTH) {
      return invalid("url_too_long", "the URL has more than " + MAX_URL_LENGTH + " characters");
    }
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException malformed) {
      return invalid("malformed_url", "the URL is not a valid absolute URL");
    }
    String host = url.getHost();
    if (!url.isAbsolute() || url.isOpaque() || host == null || host.isEmpty()) {
      return invalid("malformed_url", "the URL is not a valid absolute URL with a host");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    List<Violation> problems =
        List.of(
                Option.when(
                    !scheme.equals("https") && !(scheme.equals("http") && isLoopback(host)),
                    violation(
                        "url_scheme_not_allowed",
                        "the URL must use https (http only to a loopback host)")),
                Option.when(
                    url.getRawUserInfo() != null,
                    violation("url_with_credentials", "the URL must not carry credentials")),
                Option.when(
                    url.getRawFragment() != null,
                    violation("url_with_fragment", "the URL must not have a fragment")))
            .flatMap(problem -> problem);
    return problems.isEmpty()
        ? Either.right(url)
        : Either.left(new UseCaseError.InvalidInput(problems));
  }

  private static boolean isLoopback(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost")
        || name.equals("[::1]")
        || LOOPBACK_IPV4.matcher(name).matches();
  }

  private static Either<UseCaseError, URI> invalid(String code, String message) {
    return Either.left(new UseCaseError.InvalidInput(List.of(violation(code, message))));
  }

  private static Violation violation(String code, String message) {
    return Violation.general("url", code, message);
  }
}

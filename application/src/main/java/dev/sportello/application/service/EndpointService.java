package dev.sportello.application.service;

import dev.sportello.application.port.in.EndpointWithSecret;
import dev.sportello.application.port.in.RegisterEndpointCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.WebhookEndpointUseCase;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.port.out.WebhookSecrets;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.webhook.WebhookEndpoint;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registers, reads and removes callers' webhook endpoints, and rotates their secrets. */
final class EndpointService implements WebhookEndpointUseCase {
  static final int MAX_URL_LENGTH = 2000;
  private static final Pattern ABSOLUTE_URL =
      Pattern.compile(
          "(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<authority>[^/?#]*)"
              + "(?<rest>[/?][A-Za-z0-9\\-._~:/?@!$&'()*+,;=%\\[\\]]*)?(?<fragment>#.*)?");
  private static final Pattern HOST_AND_PORT =
      Pattern.compile("(?<host>\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::(?<port>[0-9]{1,5}))?");
  private static final Pattern IPV4 =
      Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");

  private final WebhookStore store;
  private final Clock clock;
  private final Duration rotationOverlap;
  private final WebhookSecrets secrets;

  EndpointService(
      WebhookStore store, WebhookSecrets secrets, Clock clock, Duration rotationOverlap) {
    this.store = store;
    this.secrets = secrets;
    this.clock = clock;
    this.rotationOverlap = rotationOverlap;
  }

  @Override
  public Either<UseCaseError, EndpointWithSecret> register(RegisterEndpointCommand command) {
    return checkedUrl(command.url())
        .flatMap(url ->
            store
                .endpoint(command.caller())
                .mapLeft(Failures::of)
                .flatMap(earlier -> {
                  Instant now = clock.instant();
                  // A PUT that is retried after its answer was lost must not leave the caller with
                  // no secret it knows: the one it replaces keeps signing through the overlap.
                  return save(
                      new StoredEndpoint(
                          new WebhookEndpoint(command.caller(), url, now, now),
                          secrets.next(),
                          earlier.flatMap(stored -> retiring(stored, now))));
                }));
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
          return save(
              new StoredEndpoint(
                  new WebhookEndpoint(caller, endpoint.url(), endpoint.createdAt(), now),
                  secrets.next(),
                  retiring(stored, now)));
        });
  }

  /** The endpoint's current secret, signing on through the overlap (none when it is zero). */
  private Option<StoredEndpoint.RetiringSecret> retiring(StoredEndpoint stored, Instant now) {
    return Option.when(
        !rotationOverlap.isZero(),
        () -> new StoredEndpoint.RetiringSecret(stored.secret(), now.plus(rotationOverlap)));
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
   * receivers): messages carry request ids, so they never travel in clear over a network. A host
   * written as an IP address must be a public one (or loopback): a name that resolves to a private
   * address is refused by the sender, which resolves it.
   */
  static Either<UseCaseError, String> checkedUrl(String text) {
    if (text.length() > MAX_URL_LENGTH) {
      return invalid("url_too_long", "the URL has more than " + MAX_URL_LENGTH + " characters");
    }
    Matcher url = ABSOLUTE_URL.matcher(text);
    if (!url.matches()) {
      return invalid("malformed_url", "the URL is not a valid absolute URL with a host");
    }
    String scheme = url.group("scheme").toLowerCase(Locale.ROOT);
    String authority = url.group("authority");
    boolean credentials = authority.contains("@");
    Matcher hostAndPort =
        HOST_AND_PORT.matcher(authority.substring(authority.lastIndexOf('@') + 1));
    if (!hostAndPort.matches()) {
      return invalid("malformed_url", "the URL is not a valid absolute URL with a host");
    }
    String host = hostAndPort.group("host").toLowerCase(Locale.ROOT);
    Option<String> port = Option.of(hostAndPort.group("port"));
    HostKind kind = HostKind.of(host);
    List<Violation> problems =
        List.of(
                Option.when(
                    kind == HostKind.MALFORMED || port.exists(digits -> !isPort(digits)),
                    violation("malformed_url", "the URL's host or port is not valid")),
                Option.when(
                    kind == HostKind.INTERNAL,
                    violation(
                        "url_not_allowed",
                        "the URL's host is a private, link-local or reserved address")),
                Option.when(
                    !scheme.equals("https")
                        && !(scheme.equals("http") && kind == HostKind.LOOPBACK),
                    violation(
                        "url_scheme_not_allowed",
                        "the URL must use https (http only to a loopback host)")),
                Option.when(
                    credentials,
                    violation("url_with_credentials", "the URL must not carry credentials")),
                Option.when(
                    url.group("fragment") != null,
                    violation("url_with_fragment", "the URL must not have a fragment")))
            .flatMap(problem -> problem);
    return problems.isEmpty()
        ? Either.right(text)
        : Either.left(new UseCaseError.InvalidInput(problems));
  }

  private static boolean isPort(String digits) {
    return digits.length() <= 5
        && Integer.parseInt(digits) >= 1
        && Integer.parseInt(digits) <= 65535;
  }

  /** What a URL's host is, as far as it can be told without resolving it. */
  enum HostKind {
    /** {@code localhost}, a {@code 127.x.x.x} address or {@code [::1]}. */
    LOOPBACK,
    /** An IP address that is not public, such as 10.0.0.1 or 169.254.169.254. */
    INTERNAL,
    /** A name, or a public IPv4 address. */
    PUBLIC,
    /** Neither a host name nor an address in its usual form (such as {@code 2130706433}). */
    MALFORMED;

    static HostKind of(String host) {
      if (host.equals("localhost") || host.equals("[::1]")) {
        return LOOPBACK;
      }
      if (host.startsWith("[")) {
        // An IPv6 literal: its forms (mapped, NAT64, 6to4) can hide any IPv4 address, and a
        // receiver reached by a name needs none.
        return INTERNAL;
      }
      Matcher quad = IPV4.matcher(host);
      if (quad.matches()) {
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
          String part = quad.group(i + 1);
          if ((part.length() > 1 && part.startsWith("0")) || Integer.parseInt(part) > 255) {
            return MALFORMED;
          }
          octets[i] = Integer.parseInt(part);
        }
        return octets[0] == 127 ? LOOPBACK : isInternal(octets) ? INTERNAL : PUBLIC;
      }
      // A last label of digits only, or in hex, is an address in a form resolvers read
      // differently from one another (2130706433, 0x7f.1): no public receiver needs it.
      String last = host.substring(host.lastIndexOf('.') + 1);
      return last.isEmpty() || last.matches("[0-9]+|0x[0-9a-f]*") ? MALFORMED : PUBLIC;
    }

    /** The IPv4 ranges that are not the public internet (RFC 6890 and 6598). */
    static boolean isInternal(int[] o) {
      return o[0] == 0
          || o[0] == 10
          || (o[0] == 100 && o[1] >= 64 && o[1] <= 127)
          || (o[0] == 169 && o[1] == 254)
          || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
          || (o[0] == 192 && o[1] == 0 && (o[2] == 0 || o[2] == 2))
          || (o[0] == 192 && o[1] == 168)
          || (o[0] == 198 && (o[1] == 18 || o[1] == 19))
          || (o[0] == 198 && o[1] == 51 && o[2] == 100)
          || (o[0] == 203 && o[1] == 0 && o[2] == 113)
          || o[0] >= 224;
    }
  }

  private static Either<UseCaseError, String> invalid(String code, String message) {
    return Either.left(new UseCaseError.InvalidInput(List.of(violation(code, message))));
  }

  private static Violation violation(String code, String message) {
    return Violation.general("url", code, message);
  }
}

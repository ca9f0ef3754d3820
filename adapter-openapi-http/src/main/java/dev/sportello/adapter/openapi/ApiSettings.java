package dev.sportello.adapter.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to reach one of Openapi's APIs: what every engine's settings record says, and the rules its
 * values follow.
 */
public interface ApiSettings {
  Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /** The API's root. */
  URI baseUrl();

  /** The bearer token, asked for on every call so that it can be rotated without a restart. */
  Supplier<String> token();

  /** How long to wait for a connection. */
  Duration connectTimeout();

  /** How long to wait for an answer once the request is sent. */
  Duration readTimeout();

  /** How calls that are safe to repeat are repeated. */
  RetryPolicy retry();

  /** What the calls say they come from. */
  String userAgent();

  /**
   * Refuses values no API can be reached with.
   *
   * @throws IllegalArgumentException when the base URL is not http(s) with a host, a timeout is not
   *     positive, or the user agent is not printable ASCII
   */
  static void requireValid(
      URI baseUrl,
      Supplier<String> token,
      Duration connectTimeout,
      Duration readTimeout,
      RetryPolicy retry,
      String userAgent) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(userAgent, "userAgent");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("the base URL must be http or https");
    }
    if (baseUrl.getHost() == null) {
      throw new IllegalArgumentException("the base URL needs a host");
    }
    if (!isPositive(connectTimeout) || !isPositive(readTimeout)) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new IllegalArgumentException("the user agent must be printable ASCII");
    }
  }

  /**
   * A token that never changes.
   *
   * @throws IllegalArgumentException when it is blank
   */
  static Supplier<String> fixedToken(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the token must not be blank");
    }
    return () -> token;
  }

  /** Settings as text for logs, under the record's name; never with the token. */
  static String describe(String name, ApiSettings settings) {
    return name
        + "[baseUrl="
        + settings.baseUrl()
        + ", connectTimeout="
        + settings.connectTimeout()
        + ", readTimeout="
        + settings.readTimeout()
        + ", retry="
        + settings.retry()
        + ", userAgent="
        + settings.userAgent()
        + "]";
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}

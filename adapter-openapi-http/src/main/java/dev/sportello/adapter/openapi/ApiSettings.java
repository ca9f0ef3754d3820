package dev.sportello.adapter.openapi;

import io.vavr.collection.List;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one of Openapi's APIs: what the settings record of every engine, and of the OAuth
 * service, says, and the rules its values follow.
 */
public interface ApiSettings {
  /** How long to wait for a connection, unless the settings say otherwise. */
  Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long to wait for an answer, unless the settings say otherwise. */
  Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The API's root.
   *
   * @return the API's root URL
   */
  URI baseUrl();

  /**
   * How long to wait for a connection.
   *
   * @return the connect timeout
   */
  Duration connectTimeout();

  /**
   * How long to wait for an answer once the request is sent.
   *
   * @return the read timeout
   */
  Duration readTimeout();

  /**
   * How calls that are safe to repeat are repeated.
   *
   * @return the retry policy
   */
  RetryPolicy retry();

  /**
   * What the calls say they come from.
   *
   * @return the {@code User-Agent} header's value
   */
  String userAgent();

  /**
   * Refuses values no API can be reached with.
   *
   * @param baseUrl the API's root
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for an answer
   * @param retry how safe calls are repeated
   * @param userAgent what the calls say they come from
   * @throws IllegalArgumentException when the base URL is not http(s) with a host, a timeout is not
   *     positive, or the user agent is not printable ASCII
   */
  static void requireValid(
      URI baseUrl,
      Duration connectTimeout,
      Duration readTimeout,
      RetryPolicy retry,
      String userAgent) {
    Objects.requireNonNull(baseUrl, "baseUrl");
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
   * The OAuth scopes that let a token make the given calls on an API's host: {@code
   * METHOD:host/first-segment}, each once, in the order first named. A scope covers every path
   * under its first segment.
   *
   * @param host the API's host, such as {@code test.visengine2.altravia.com}
   * @param calls the calls as {@code METHOD /path}, such as {@code GET /richiesta/{id}}
   * @throws IllegalArgumentException when a call is not a method and an absolute path
   * @return the scopes, in the order first named
   */
  static List<String> scopes(String host, String... calls) {
    return List.of(calls).map(call -> scope(host, call)).distinct();
  }

  private static String scope(String host, String call) {
    String[] methodAndPath = call.split(" ", 2);
    if (methodAndPath.length != 2
        || !methodAndPath[0].matches("[A-Z]+")
        || !methodAndPath[1].matches("/[^/*{}\\s]+(/.*)?")) {
      throw new IllegalArgumentException("not a call on a path: " + call);
    }
    String segment = methodAndPath[1].substring(1).split("/", 2)[0];
    return methodAndPath[0] + ":" + host + "/" + segment;
  }

  /**
   * Settings as text for logs, under the record's name; never with the token.
   *
   * @param name the settings record's name
   * @param settings the settings to describe
   * @return the settings as text, without the token
   */
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

package dev.sportello.adapter.docuengine;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to reach DocuEngine.
 *
 * @param baseUrl the API's root, such as {@link #PRODUCTION}, {@link #TEST} or a local sandbox
 * @param token the bearer token, asked for on every call so that it can be rotated without a
 *     restart; it is sent to the API only, never to the host the documents are downloaded from
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer once the request is sent
 * @param retry how reads are repeated
 * @param userAgent what the calls say they come from
 */
public record DocuEngineSettings(
    URI baseUrl,
    Supplier<String> token,
    Duration connectTimeout,
    Duration readTimeout,
    RetryPolicy retry,
    String userAgent) {

  /** Openapi's production host. */
  public static final URI PRODUCTION = URI.create("https://docuengine.openapi.com");

  /** Openapi's test host. */
  public static final URI TEST = URI.create("https://test.docuengine.openapi.com");

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final String DEFAULT_USER_AGENT = "sportello-docuengine/0.1";

  public DocuEngineSettings {
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

  /** Settings with a fixed token and the default timeouts, retry policy and user agent. */
  public static DocuEngineSettings of(URI baseUrl, String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the token must not be blank");
    }
    return of(baseUrl, () -> token);
  }

  /** Settings with a rotating token and the default timeouts, retry policy and user agent. */
  public static DocuEngineSettings of(URI baseUrl, Supplier<String> token) {
    return new DocuEngineSettings(
        baseUrl,
        token,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        RetryPolicy.DEFAULT,
        DEFAULT_USER_AGENT);
  }

  public DocuEngineSettings withTimeouts(Duration connect, Duration read) {
    return new DocuEngineSettings(baseUrl, token, connect, read, retry, userAgent);
  }

  public DocuEngineSettings withRetry(RetryPolicy policy) {
    return new DocuEngineSettings(baseUrl, token, connectTimeout, readTimeout, policy, userAgent);
  }

  public DocuEngineSettings withUserAgent(String agent) {
    return new DocuEngineSettings(baseUrl, token, connectTimeout, readTimeout, retry, agent);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "DocuEngineSettings[baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", retry="
        + retry
        + ", userAgent="
        + userAgent
        + "]";
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  /**
   * How reads are repeated after a transport error, a 429 or a 5xx. The wait doubles from {@code
   * initialBackoff} up to {@code maxBackoff}; a {@code Retry-After} longer than the backoff is
   * honoured, and one longer than {@code maxBackoff} ends the retries. Calls that change anything
   * upstream (creating a draft, closing it, choosing a result) are never repeated.
   *
   * @param maxAttempts how many times a read is made at most, the first included
   * @param initialBackoff the wait before the second attempt
   * @param maxBackoff the longest wait between two attempts
   */
  public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    /** Three attempts, 200 ms then 400 ms apart, never waiting more than 5 s. */
    public static final RetryPolicy DEFAULT =
        new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));

    /** Every read is made once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("at least one attempt");
      }
      if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("backoffs must be non-negative and ordered");
      }
    }
  }
}

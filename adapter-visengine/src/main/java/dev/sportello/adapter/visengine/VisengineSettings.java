package dev.sportello.adapter.visengine;

import dev.sportello.adapter.openapi.ApiSettings;
import dev.sportello.adapter.openapi.BearerToken;
import dev.sportello.adapter.openapi.RetryPolicy;
import io.vavr.collection.List;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to reach Visengine.
 *
 * @param baseUrl the API's root, such as {@link #PRODUCTION}, {@link #TEST} or a local sandbox
 * @param token where the bearer token comes from, asked on every call and told when upstream
 *     refuses it
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer once the request is sent
 * @param retry how calls that are safe to repeat (reads, and the close of a draft) are repeated
 * @param userAgent what the calls say they come from
 */
public record VisengineSettings(
    URI baseUrl,
    BearerToken token,
    Duration connectTimeout,
    Duration readTimeout,
    RetryPolicy retry,
    String userAgent)
    implements ApiSettings {

  /** Openapi's production host. */
  public static final URI PRODUCTION = URI.create("https://visengine2.altravia.com");

  /** Openapi's test host: free requests, illustrative answers. */
  public static final URI TEST = URI.create("https://test.visengine2.altravia.com");

  /** What the calls say they come from, unless the settings say otherwise. */
  public static final String DEFAULT_USER_AGENT = "sportello-visengine/0.1";

  /**
   * Checks every component: a token source, an http or https base URL with a host, positive
   * timeouts and a user agent in printable ASCII.
   */
  public VisengineSettings {
    Objects.requireNonNull(token, "token");
    ApiSettings.requireValid(baseUrl, connectTimeout, readTimeout, retry, userAgent);
  }

  /**
   * Settings with a fixed token and the default timeouts, retry policy and user agent.
   *
   * @param baseUrl the API's root
   * @param token the bearer token
   * @return the settings
   */
  public static VisengineSettings of(URI baseUrl, String token) {
    return of(baseUrl, BearerToken.fixed(token));
  }

  /**
   * Settings with a token read from {@code token} on every call, so that it can be rotated without
   * a restart, and the default timeouts, retry policy and user agent.
   *
   * @param baseUrl the API's root
   * @param token gives the current bearer token
   * @return the settings
   */
  public static VisengineSettings of(URI baseUrl, Supplier<String> token) {
    return of(baseUrl, BearerToken.supplied(token));
  }

  /**
   * Settings with a token from its source, such as one managed on Openapi's OAuth service, and the
   * default timeouts, retry policy and user agent.
   *
   * @param baseUrl the API's root
   * @param token where the bearer token comes from
   * @return the settings
   */
  public static VisengineSettings of(URI baseUrl, BearerToken token) {
    return new VisengineSettings(
        baseUrl,
        token,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        RetryPolicy.DEFAULT,
        DEFAULT_USER_AGENT);
  }

  /**
   * These settings with other timeouts.
   *
   * @param connect how long to wait for a connection
   * @param read how long to wait for an answer once the request is sent
   * @return the changed settings
   */
  public VisengineSettings withTimeouts(Duration connect, Duration read) {
    return new VisengineSettings(baseUrl, token, connect, read, retry, userAgent);
  }

  /**
   * These settings with another retry policy.
   *
   * @param policy how calls that are safe to repeat are repeated
   * @return the changed settings
   */
  public VisengineSettings withRetry(RetryPolicy policy) {
    return new VisengineSettings(baseUrl, token, connectTimeout, readTimeout, policy, userAgent);
  }

  /**
   * These settings with another user agent.
   *
   * @param agent what the calls say they come from
   * @return the changed settings
   */
  public VisengineSettings withUserAgent(String agent) {
    return new VisengineSettings(baseUrl, token, connectTimeout, readTimeout, retry, agent);
  }

  /**
   * The OAuth scopes a token needs for every call this adapter makes, one per method and first path
   * segment, on the test host or the production one.
   *
   * @param testEnvironment whether the token is for the test host rather than the production one
   * @return the scopes, each {@code METHOD:host/first-segment}
   */
  public static List<String> scopes(boolean testEnvironment) {
    return ApiSettings.scopes(
        (testEnvironment ? TEST : PRODUCTION).getHost(),
        "GET /visure",
        "GET /richiesta",
        "POST /richiesta",
        "PUT /richiesta",
        "DELETE /richiesta",
        "GET /documento");
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return ApiSettings.describe("VisengineSettings", this);
  }
}

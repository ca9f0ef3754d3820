package dev.sportello.adapter.docuengine;

import dev.sportello.adapter.openapi.ApiSettings;
import dev.sportello.adapter.openapi.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How to reach DocuEngine.
 *
 * @param baseUrl the API's root, such as {@link #PRODUCTION}, {@link #TEST} or a local sandbox
 * @param token the bearer token, asked for on every call so that it can be rotated without a
 *     restart; it is sent to the API only, never to the host the documents are downloaded from
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer once the request is sent
 * @param retry how reads are repeated; calls that change anything upstream (creating a draft,
 *     closing it, choosing a result) are never repeated
 * @param userAgent what the calls say they come from
 */
public record DocuEngineSettings(
    URI baseUrl,
    Supplier<String> token,
    Duration connectTimeout,
    Duration readTimeout,
    RetryPolicy retry,
    String userAgent)
    implements ApiSettings {

  /** Openapi's production host. */
  public static final URI PRODUCTION = URI.create("https://docuengine.openapi.com");

  /** Openapi's test host. */
  public static final URI TEST = URI.create("https://test.docuengine.openapi.com");

  public static final String DEFAULT_USER_AGENT = "sportello-docuengine/0.1";

  public DocuEngineSettings {
    ApiSettings.requireValid(baseUrl, token, connectTimeout, readTimeout, retry, userAgent);
  }

  /** Settings with a fixed token and the default timeouts, retry policy and user agent. */
  public static DocuEngineSettings of(URI baseUrl, String token) {
    return of(baseUrl, ApiSettings.fixedToken(token));
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
    return ApiSettings.describe("DocuEngineSettings", this);
  }
}

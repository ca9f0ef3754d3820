package dev.sportello.adapter.rest;

import dev.sportello.application.port.in.CallerKeys;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The REST adapter's configuration, and what it reports about the service's health and metrics.
 *
 * @param host the interface to listen on, such as {@code localhost} or {@code 0.0.0.0}
 * @param port the port to listen on; 0 picks a free one (see {@link RestAdapter#port()})
 * @param maxBodyBytes the largest request body accepted; larger ones get 413. Files travel inline,
 *     so the default is 25 MB
 * @param apiKeys who may call {@code /api/v1}: the SHA-256 of each API key, in lower-case
 *     hexadecimal (see {@link #hashApiKey(String)}), mapped to the caller it identifies. The caller
 *     owns the requests it orders and sees only those. Keys are never configured or kept in clear
 * @param webhookWait how long the webhook receiver waits for a notification to be handled before it
 *     answers 202 anyway (the handling then goes on in the background); a token that names nothing
 *     is refused within this time
 * @param storeReachable whether the store answers now, for {@code GET /health/ready}; a probe that
 *     throws or takes longer than two seconds counts as unreachable
 * @param upstreamReachable whether Visengine answers now, for {@code GET /health/ready}; judged
 *     like {@code storeReachable}
 * @param readinessDetails what {@code GET /health/ready} reports besides its checks, such as the
 *     account's balance, as names and printable values; asked for on every probe, and left out when
 *     it throws or takes longer than two seconds. Never a secret or a personal value
 * @param metrics the service's metrics in the Prometheus text format (0.0.4), for {@code GET
 *     /metrics}; asked for on every scrape
 * @param stopTimeout how long {@link RestAdapter#stop()} lets requests in flight finish before it
 *     cuts them; new requests are refused meanwhile
 * @param httpObserver told of every request the API answers, for the service's metrics
 */
public record RestSettings(
    String host,
    int port,
    long maxBodyBytes,
    Map<String, String> apiKeys,
    Duration webhookWait,
    BooleanSupplier storeReachable,
    BooleanSupplier upstreamReachable,
    Supplier<Map<String, String>> readinessDetails,
    Supplier<String> metrics,
    Duration stopTimeout,
    HttpObserver httpObserver) {

  /** The interface listened on by default: this machine only. */
  public static final String DEFAULT_HOST = "localhost";

  /** The port listened on by default. */
  public static final int DEFAULT_PORT = 8080;

  /** 25 MB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 25L * 1024 * 1024;

  /** Two seconds. */
  public static final Duration DEFAULT_WEBHOOK_WAIT = Duration.ofSeconds(2);

  /** Ten seconds. */
  public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  /** The route label of a request that matched no route. */
  public static final String UNMATCHED = "unmatched";

  /** The route label of a static file, such as the API documentation's scripts. */
  public static final String STATIC_FILES = "/webjars/**";

  /** Told of each request the API has answered. */
  @FunctionalInterface
  public interface HttpObserver {
    /** Ignores every request. */
    HttpObserver NONE = (method, route, status, duration) -> {};

    /**
     * One request answered.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param route the route as the OpenAPI document writes it, such as {@code
     *     /api/v1/requests/{id}}, never the address itself (it holds identifiers and tokens); a
     *     page served alongside the API by its route template, such as {@code /certificates/{id}};
     *     {@link #STATIC_FILES} or {@link #UNMATCHED} otherwise
     * @param status the response status
     * @param duration how long the answer took
     */
    void answered(String method, String route, int status, Duration duration);
  }

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * Checks every component: a host, a port of 0 to 65535, a body limit of 1 KiB to 2 GiB, durations
   * that are not negative, and API keys given as SHA-256 hashes, each with a caller.
   */
  public RestSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(webhookWait, "webhookWait");
    Objects.requireNonNull(storeReachable, "storeReachable");
    Objects.requireNonNull(upstreamReachable, "upstreamReachable");
    Objects.requireNonNull(readinessDetails, "readinessDetails");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    Objects.requireNonNull(httpObserver, "httpObserver");
    if (host.isBlank()) {
      throw new IllegalArgumentException("a host is required");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the port is 0 to 65535");
    }
    if (maxBodyBytes < 1024 || maxBodyBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("the body limit is 1 KiB to 2 GiB");
    }
    if (webhookWait.isNegative()) {
      throw new IllegalArgumentException("the webhook wait is never negative");
    }
    if (stopTimeout.isNegative()) {
      throw new IllegalArgumentException("the stop timeout is never negative");
    }
    for (var entry : apiKeys) {
      if (!SHA256_HEX.matcher(entry._1).matches()) {
        throw new IllegalArgumentException(
            "API keys are configured as SHA-256 hashes in lower-case hexadecimal");
      }
      if (entry._2.isBlank()) {
        throw new IllegalArgumentException("every API key needs a caller");
      }
    }
  }

  /**
   * {@code localhost:8080}, 25 MB bodies, a two-second webhook wait, a ten-second stop timeout and
   * no HTTP observer, with the given keys, probes and metrics.
   *
   * @param apiKeys the SHA-256 of each API key, mapped to its caller
   * @param storeReachable whether the store answers now
   * @param upstreamReachable whether Visengine answers now
   * @param metrics the service's metrics in the Prometheus text format
   * @return the settings
   */
  public static RestSettings of(
      Map<String, String> apiKeys,
      BooleanSupplier storeReachable,
      BooleanSupplier upstreamReachable,
      Supplier<String> metrics) {
    return new RestSettings(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_MAX_BODY_BYTES,
        apiKeys,
        DEFAULT_WEBHOOK_WAIT,
        storeReachable,
        upstreamReachable,
        HashMap::empty,
        metrics,
        DEFAULT_STOP_TIMEOUT,
        HttpObserver.NONE);
  }

  /**
   * The same settings, listening elsewhere.
   *
   * @param otherHost the interface to listen on
   * @param otherPort the port to listen on; 0 picks a free one
   * @return the changed settings
   */
  public RestSettings withAddress(String otherHost, int otherPort) {
    return new RestSettings(
        otherHost,
        otherPort,
        maxBodyBytes,
        apiKeys,
        webhookWait,
        storeReachable,
        upstreamReachable,
        readinessDetails,
        metrics,
        stopTimeout,
        httpObserver);
  }

  /**
   * The same settings with another body limit.
   *
   * @param limit the largest request body accepted, 1 KiB to 2 GiB
   * @return the changed settings
   */
  public RestSettings withMaxBodyBytes(long limit) {
    return new RestSettings(
        host,
        port,
        limit,
        apiKeys,
        webhookWait,
        storeReachable,
        upstreamReachable,
        readinessDetails,
        metrics,
        stopTimeout,
        httpObserver);
  }

  /**
   * The same settings with another stop timeout.
   *
   * @param timeout how long a stop lets requests in flight finish
   * @return the changed settings
   */
  public RestSettings withStopTimeout(Duration timeout) {
    return new RestSettings(
        host,
        port,
        maxBodyBytes,
        apiKeys,
        webhookWait,
        storeReachable,
        upstreamReachable,
        readinessDetails,
        metrics,
        timeout,
        httpObserver);
  }

  /**
   * The same settings, telling another observer of each request.
   *
   * @param observer told of every request the API answers
   * @return the changed settings
   */
  public RestSettings withHttpObserver(HttpObserver observer) {
    return new RestSettings(
        host,
        port,
        maxBodyBytes,
        apiKeys,
        webhookWait,
        storeReachable,
        upstreamReachable,
        readinessDetails,
        metrics,
        stopTimeout,
        observer);
  }

  /**
   * The hash under which an API key is configured: SHA-256 of its UTF-8 bytes, in lower-case
   * hexadecimal.
   *
   * @param plainKey the API key in clear
   * @return its hash, as {@link #apiKeys()} expects it
   */
  public static String hashApiKey(String plainKey) {
    return CallerKeys.hash(plainKey);
  }

  /** Leaves out the key hashes. */
  @Override
  public String toString() {
    return "RestSettings[host="
        + host
        + ", port="
        + port
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", callers="
        + apiKeys.size()
        + ", webhookWait="
        + webhookWait
        + ", stopTimeout="
        + stopTimeout
        + "]";
  }
}

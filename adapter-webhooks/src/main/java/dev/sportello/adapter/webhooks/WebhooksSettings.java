package dev.sportello.adapter.webhooks;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhook messages are posted.
 *
 * @param connectTimeout how long a connection may take to open
 * @param timeout how long one post may take in all, from connecting to the end of the answer's
 *     first few KiB; a receiver should answer at once and do its work afterwards
 * @param userAgent what the posts say they come from
 * @param allowPrivateNetworks whether an {@code https} endpoint may resolve to a loopback, private
 *     or link-local address (a receiver inside the operator's own network); off by default, so that
 *     a caller cannot make the service post into its neighbourhood. Plain {@code http} is always
 *     allowed to a loopback host, and never elsewhere
 */
public record WebhooksSettings(
    Duration connectTimeout, Duration timeout, String userAgent, boolean allowPrivateNetworks) {

  /** Five seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Fifteen seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  /**
   * Checks that every component is given, that the timeouts are positive with the whole one at
   * least the connect one, and that the user agent is not blank.
   */
  public WebhooksSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(userAgent, "userAgent");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("the connect timeout must be positive");
    }
    if (timeout.compareTo(connectTimeout) < 0) {
      throw new IllegalArgumentException("the timeout must be at least the connect timeout");
    }
    if (userAgent.isBlank()) {
      throw new IllegalArgumentException("a user agent is required");
    }
  }

  /**
   * Five seconds to connect, fifteen in all, {@code Sportello-Webhooks/<version>}, no private
   * networks.
   *
   * @return the default settings
   */
  public static WebhooksSettings defaults() {
    return new WebhooksSettings(
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, defaultUserAgent(), false);
  }

  /**
   * {@code Sportello-Webhooks/} and the version the jar's manifest records.
   *
   * @return the user agent, with {@code development} when no version is recorded
   */
  public static String defaultUserAgent() {
    String version = WebhooksSettings.class.getPackage().getImplementationVersion();
    return "Sportello-Webhooks/" + (version == null ? "development" : version);
  }

  /**
   * The same settings with other timeouts.
   *
   * @param connect how long a connection may take to open
   * @param whole how long one post may take in all
   * @return the new settings
   */
  public WebhooksSettings withTimeouts(Duration connect, Duration whole) {
    return new WebhooksSettings(connect, whole, userAgent, allowPrivateNetworks);
  }

  /**
   * The same settings, letting {@code https} endpoints resolve to private addresses or not.
   *
   * @param allowed whether they may
   * @return the new settings
   */
  public WebhooksSettings withPrivateNetworks(boolean allowed) {
    return new WebhooksSettings(connectTimeout, timeout, userAgent, allowed);
  }
}

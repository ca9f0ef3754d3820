package dev.sportello.application.service;

import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.spending.SpendingCaps;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Objects;

/**
 * The application's configuration.
 *
 * @param valuePolicy how values are checked and normalised
 * @param catalogTtl how long a fetched catalogue or certificate description is used without asking
 *     again
 * @param webhookBaseUrl where upstream notifications reach us, or empty for none: each engine
 *     notifies {@code <base>/<engine>}, carrying the per-request token as its adapter does
 * @param notificationSecret the key that makes webhook tokens unguessable; at least 32 characters
 * @param batchSize how many requests one sync cycle sends or fetches documents for at most
 * @param replayWait how long a repeated submission waits for an identical one, still being created
 *     under the same idempotency key, before it answers "still being created"; a key claimed longer
 *     ago than this without its request is taken as abandoned by an attempt that died
 * @param spendingCaps how much each caller may order per day and per month
 */
public record ApplicationSettings(
    ValuePolicy valuePolicy,
    Duration catalogTtl,
    Option<String> webhookBaseUrl,
    String notificationSecret,
    int batchSize,
    Duration replayWait,
    SpendingCaps spendingCaps) {

  /** A day. */
  public static final Duration DEFAULT_CATALOG_TTL = Duration.ofHours(24);

  /** Three seconds. */
  public static final Duration DEFAULT_REPLAY_WAIT = Duration.ofSeconds(3);

  /** Checks the components. */
  public ApplicationSettings {
    Objects.requireNonNull(valuePolicy, "valuePolicy");
    Objects.requireNonNull(catalogTtl, "catalogTtl");
    Objects.requireNonNull(webhookBaseUrl, "webhookBaseUrl");
    Objects.requireNonNull(notificationSecret, "notificationSecret");
    Objects.requireNonNull(replayWait, "replayWait");
    Objects.requireNonNull(spendingCaps, "spendingCaps");
    if (notificationSecret.length() < 32) {
      throw new IllegalArgumentException("the notification secret needs at least 32 characters");
    }
    if (catalogTtl.isNegative() || batchSize < 1) {
      throw new IllegalArgumentException("the catalogue TTL and the batch size must be positive");
    }
    if (replayWait.isNegative() || replayWait.isZero()) {
      throw new IllegalArgumentException("the replay wait must be positive");
    }
  }

  /**
   * With the default replay wait, and no spending caps.
   *
   * @param valuePolicy how values are checked and normalised
   * @param catalogTtl how long a fetched catalogue or description is used without asking again
   * @param webhookBaseUrl where upstream notifications reach us, or empty for none
   * @param notificationSecret the key that makes webhook tokens unguessable; at least 32 characters
   * @param batchSize how many requests one sync cycle handles at most
   */
  public ApplicationSettings(
      ValuePolicy valuePolicy,
      Duration catalogTtl,
      Option<String> webhookBaseUrl,
      String notificationSecret,
      int batchSize) {
    this(
        valuePolicy,
        catalogTtl,
        webhookBaseUrl,
        notificationSecret,
        batchSize,
        DEFAULT_REPLAY_WAIT,
        SpendingCaps.none());
  }

  /**
   * The same settings with these spending caps.
   *
   * @param caps how much each caller may order per day and per month
   * @return the settings
   */
  public ApplicationSettings withSpendingCaps(SpendingCaps caps) {
    return new ApplicationSettings(
        valuePolicy, catalogTtl, webhookBaseUrl, notificationSecret, batchSize, replayWait, caps);
  }

  /**
   * Default checks, a 24-hour catalogue, no webhook, batches of 100, a 3-second replay wait, no
   * spending caps.
   *
   * @param notificationSecret the key that makes webhook tokens unguessable; at least 32 characters
   * @return the settings
   */
  public static ApplicationSettings defaults(String notificationSecret) {
    return new ApplicationSettings(
        ValuePolicy.defaults(), DEFAULT_CATALOG_TTL, Option.none(), notificationSecret, 100);
  }

  /** Leaves out the secret. */
  @Override
  public String toString() {
    return "ApplicationSettings[catalogTtl="
        + catalogTtl
        + ", webhookBaseUrl="
        + webhookBaseUrl
        + ", batchSize="
        + batchSize
        + ", replayWait="
        + replayWait
        + ", spendingCaps="
        + spendingCaps
        + "]";
  }
}

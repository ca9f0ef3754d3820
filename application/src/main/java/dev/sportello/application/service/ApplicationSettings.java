package dev.sportello.application.service;

import dev.sportello.domain.field.ValuePolicy;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Objects;

/**
 * The application's configuration.
 *
 * @param valuePolicy how values are checked and normalised
 * @param catalogTtl how long a fetched catalogue or certificate description is used without asking
 *     again
 * @param webhookBaseUrl where upstream notifications reach us (the per-request token is appended),
 *     or empty for none
 * @param notificationSecret the key that makes webhook tokens unguessable; at least 32 characters
 * @param batchSize how many requests one sync cycle sends or fetches documents for at most
 */
public record ApplicationSettings(
    ValuePolicy valuePolicy,
    Duration catalogTtl,
    Option<String> webhookBaseUrl,
    String notificationSecret,
    int batchSize) {

  public static final Duration DEFAULT_CATALOG_TTL = Duration.ofHours(24);

  public ApplicationSettings {
    Objects.requireNonNull(valuePolicy, "valuePolicy");
    Objects.requireNonNull(catalogTtl, "catalogTtl");
    Objects.requireNonNull(webhookBaseUrl, "webhookBaseUrl");
    Objects.requireNonNull(notificationSecret, "notificationSecret");
    if (notificationSecret.length() < 32) {
      throw new IllegalArgumentException("the notification secret needs at least 32 characters");
    }
    if (catalogTtl.isNegative() || batchSize < 1) {
      throw new IllegalArgumentException("the catalogue TTL and the batch size must be positive");
    }
  }

  /** Default checks, a 24-hour catalogue, no webhook, batches of 100. */
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
        + "]";
  }
}

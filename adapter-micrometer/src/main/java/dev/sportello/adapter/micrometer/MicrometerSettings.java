package dev.sportello.adapter.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * How the {@link MicrometerAdapter} records.
 *
 * @param registry where the meters are registered; the caller owns it, publishes it and closes it
 */
public record MicrometerSettings(MeterRegistry registry) {

  /**
   * Checks the settings.
   *
   * @param registry where the meters are registered
   */
  public MicrometerSettings {
    Objects.requireNonNull(registry, "registry");
  }

  /**
   * Records into the given registry.
   *
   * @param registry where the meters are registered, such as an application's Prometheus registry
   * @return the settings
   */
  public static MicrometerSettings of(MeterRegistry registry) {
    return new MicrometerSettings(registry);
  }
}

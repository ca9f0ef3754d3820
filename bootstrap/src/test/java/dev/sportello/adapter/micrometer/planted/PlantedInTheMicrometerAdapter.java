package dev.sportello.adapter.micrometer.planted;

import dev.sportello.adapter.rest.RestSettings;
import java.time.Duration;

/**
 * Planted in the Micrometer adapter, which times the REST adapter's requests but must never see it:
 * its {@code answered} method only has the observer's shape. Test classes only.
 */
public final class PlantedInTheMicrometerAdapter {
  private PlantedInTheMicrometerAdapter() {}

  public static final class SeesTheRestAdapter implements RestSettings.HttpObserver {
    @Override
    public void answered(String method, String route, int status, Duration duration) {}
  }
}

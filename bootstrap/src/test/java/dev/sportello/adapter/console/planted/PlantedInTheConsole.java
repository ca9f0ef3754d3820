package dev.sportello.adapter.console.planted;

import dev.sportello.adapter.rest.RestSettings;

/**
 * Planted in the console, which is served on the REST adapter's server but must never see it. Test
 * classes only.
 */
public final class PlantedInTheConsole {
  private PlantedInTheConsole() {}

  public static final class SeesTheRestAdapter {
    public static String hash(String key) {
      return RestSettings.hashApiKey(key);
    }
  }
}

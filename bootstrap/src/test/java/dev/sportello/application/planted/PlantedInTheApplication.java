package dev.sportello.application.planted;

import dev.sportello.domain.planted.PlantedInTheDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Violations planted in the application. Test classes only. */
public final class PlantedInTheApplication {
  private PlantedInTheApplication() {}

  public static final class LogsThroughSlf4j {
    private static final Logger LOG = LoggerFactory.getLogger(LogsThroughSlf4j.class);

    public static void log(String line) {
      LOG.info(line);
    }
  }

  /** The other end of a cycle between the domain and the application. */
  public static final class CallsTheDomain {
    public static int value() {
      return PlantedInTheDomain.CallsTheApplication.value();
    }
  }
}

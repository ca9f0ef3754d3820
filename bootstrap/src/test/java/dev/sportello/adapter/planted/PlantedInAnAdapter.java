package dev.sportello.adapter.planted;

import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.adapter.plantedother.PlantedInAnotherAdapter;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.bootstrap.Main;

/**
 * Violations planted in an adapter that no rule names, as a new adapter would be. Test classes
 * only.
 */
public final class PlantedInAnAdapter {
  private PlantedInAnAdapter() {}

  public static final class SeesAServiceInput {
    public static int batchSize(ApplicationPorts ports) {
      return ports.hashCode();
    }
  }

  public static final class BuildsTheUseCases {
    public static UseCases build(ApplicationPorts ports, ApplicationSettings settings) {
      return UseCases.create(ports, settings);
    }
  }

  public static final class ReachesTheCompositionRoot {
    public static String name() {
      return Main.class.getName();
    }
  }

  public static final class SeesAnotherAdapter {
    public static String other() {
      return PlantedInAnotherAdapter.name();
    }
  }

  /** Openapi's HTTP conventions are the engine adapters' own. */
  public static final class SeesOpenapisHttpConventions {
    public static int attempts(RetryPolicy retry) {
      return retry.maxAttempts();
    }
  }
}

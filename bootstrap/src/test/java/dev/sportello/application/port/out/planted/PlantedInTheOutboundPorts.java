package dev.sportello.application.port.out.planted;

import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.service.UseCases;

/** Violations planted among the outbound ports. Test classes only. */
public final class PlantedInTheOutboundPorts {
  private PlantedInTheOutboundPorts() {}

  public interface SeesTheServices {
    UseCases useCases();
  }

  public interface SeesAUseCase {
    UseCaseError failure();
  }

  /** Behaviour in a port: neither an interface nor a value. */
  public static final class AnImplementation {
    public String answer() {
      return "answer";
    }
  }
}

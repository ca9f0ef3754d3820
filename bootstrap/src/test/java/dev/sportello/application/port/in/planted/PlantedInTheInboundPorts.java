package dev.sportello.application.port.in.planted;

import dev.sportello.application.port.out.SyncLock;
import dev.sportello.application.service.UseCases;

/** Violations planted among the inbound ports. Test classes only. */
public final class PlantedInTheInboundPorts {
  private PlantedInTheInboundPorts() {}

  /** A use case that is a class. */
  public static final class PlantedUseCase {
    public String run() {
      return "ran";
    }
  }

  /** A command that is not a record. */
  public static final class PlantedCommand {
    public String value() {
      return "value";
    }
  }

  public interface SeesAnOutboundPort {
    SyncLock lock();
  }

  public interface SeesTheServices {
    UseCases useCases();
  }
}

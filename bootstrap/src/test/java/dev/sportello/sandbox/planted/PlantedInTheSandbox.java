package dev.sportello.sandbox.planted;

import dev.sportello.domain.request.RequestId;

/** Violations planted in the sandbox. Test classes only. */
public final class PlantedInTheSandbox {
  private PlantedInTheSandbox() {}

  public static final class SeesTheDomain {
    public static String id(RequestId id) {
      return id.value();
    }
  }
}

package dev.sportello.domain.plantedcycle;

import dev.sportello.domain.planted.PlantedInTheDomain;

/** The other end of a cycle between two domain packages. Test classes only. */
public final class PlantedInAnotherDomainPackage {
  private PlantedInAnotherDomainPackage() {}

  public static final class CallsBack {
    public static int value() {
      return PlantedInTheDomain.CallsAnotherDomainPackage.value();
    }
  }
}

package dev.sportello.adapter.plantedother;

/** An adapter that another one reaches into. Test classes only. */
public final class PlantedInAnotherAdapter {
  private PlantedInAnotherAdapter() {}

  public static String name() {
    return "other";
  }
}

package dev.sportello.adapter.visengine.planted;

import dev.sportello.adapter.docuengine.planted.PlantedInTheDocuEngineAdapter;

/** Planted in Visengine's adapter, where DocuEngine's must never be seen. Test classes only. */
public final class PlantedInTheVisengineAdapter {
  private PlantedInTheVisengineAdapter() {}

  public static String name() {
    return "visengine";
  }

  public static final class SeesTheDocuEngineAdapter {
    public static String other() {
      return PlantedInTheDocuEngineAdapter.name();
    }
  }
}

package dev.sportello.adapter.docuengine.planted;

import dev.sportello.adapter.account.planted.PlantedInTheAccountAdapter;
import dev.sportello.adapter.visengine.planted.PlantedInTheVisengineAdapter;

/**
 * Planted in DocuEngine's adapter, where Visengine's and the Openapi account's must never be seen.
 * Test classes only.
 */
public final class PlantedInTheDocuEngineAdapter {
  private PlantedInTheDocuEngineAdapter() {}

  public static String name() {
    return "docuengine";
  }

  public static final class SeesTheVisengineAdapter {
    public static String other() {
      return PlantedInTheVisengineAdapter.name();
    }
  }

  public static final class SeesTheAccountAdapter {
    public static String other() {
      return PlantedInTheAccountAdapter.name();
    }
  }
}

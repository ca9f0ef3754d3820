package dev.sportello.application.service.planted;

/** Violations planted among the services. Test classes only. */
public final class PlantedInTheServices {
  private PlantedInTheServices() {}

  public static final class PublicService {
    public String run() {
      return "ran";
    }
  }

  public static final class PublicHelper {
    public String help() {
      return "helped";
    }
  }
}

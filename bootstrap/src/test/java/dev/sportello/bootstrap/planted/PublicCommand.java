package dev.sportello.bootstrap.planted;

/** A public command beside Main, planted for the architecture rules. Test classes only. */
public final class PublicCommand {
  public String run() {
    return "ran";
  }
}

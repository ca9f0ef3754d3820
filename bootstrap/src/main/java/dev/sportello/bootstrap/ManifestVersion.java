package dev.sportello.bootstrap;

import io.vavr.control.Option;
import picocli.CommandLine.IVersionProvider;

/** The version the jar's manifest records; run from compiled classes, there is none. */
final class ManifestVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "sportello "
          + Option.of(Main.class.getPackage().getImplementationVersion())
              .getOrElse("(development build)")
    };
  }
}

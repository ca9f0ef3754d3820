package dev.sportello.bootstrap;

import java.util.Map;
import picocli.CommandLine.Command;

/** The {@code sportello} command; each task is a subcommand, added by {@link Main}. */
@Command(
    name = "sportello",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description =
        "Sportello: requesting Italian official documents through Openapi's Visengine and"
            + " DocuEngine.")
final class SportelloCommand {
  private final Map<String, String> environment;

  SportelloCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** The environment the subcommands read their settings from. */
  Map<String, String> environment() {
    return environment;
  }
}

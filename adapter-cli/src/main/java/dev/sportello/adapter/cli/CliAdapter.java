package dev.sportello.adapter.cli;

import io.vavr.collection.List;
import java.util.Objects;
import picocli.CommandLine;

/** The command-line client of the REST API, as commands for the program's picocli root. */
public final class CliAdapter {
  private CliAdapter() {}

  /**
   * {@code catalog} and {@code request}, in the order a help lists them.
   *
   * @param settings where the commands find the service when their options do not say
   * @return the commands, each to add as a subcommand of the program's root
   */
  public static List<CommandLine> commands(CliSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return List.of(
        new CommandLine(new CatalogCommand(settings)),
        new CommandLine(new RequestCommand(settings)));
  }
}

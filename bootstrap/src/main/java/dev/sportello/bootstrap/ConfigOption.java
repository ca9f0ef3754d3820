package dev.sportello.bootstrap;

import io.vavr.collection.List;
import io.vavr.control.Validation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by the commands that read the service configuration. */
final class ConfigOption {
  /** The exit code of a command whose configuration is invalid. */
  static final int INVALID = 2;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "a properties file of settings (default: $SPORTELLO_CONFIG, if set)")
  private @Nullable Path file;

  /**
   * The configuration, or empty after printing every problem, one per line; a {@code SPORTELLO_*}
   * variable that is no setting is printed as a warning and does not stop the command.
   */
  io.vavr.control.Option<Config> load(Map<String, String> environment, PrintWriter err) {
    ConfigLoader.unknownVariables(environment)
        .forEach(variable -> err.println("configuration: WARNING: " + variable));
    Validation<List<String>, Config> loaded =
        ConfigLoader.load(environment, io.vavr.control.Option.of(file));
    if (loaded.isInvalid()) {
      loaded.getError().forEach(problem -> err.println("configuration: " + problem));
    }
    err.flush();
    return loaded.toOption();
  }
}

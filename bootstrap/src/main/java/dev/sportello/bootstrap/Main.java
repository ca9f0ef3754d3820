package dev.sportello.bootstrap;

import java.util.Map;
import picocli.CommandLine;

/** Runs the {@code sportello} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Logging.configure(Config.LogFormat.TEXT, "WARN");
    System.exit(commandLine(System.getenv()).execute(args));
  }

  /** The command line {@link #main} runs; tests run it in-process with their own environment. */
  static CommandLine commandLine(Map<String, String> environment) {
    return new CommandLine(new SportelloCommand(environment));
  }
}

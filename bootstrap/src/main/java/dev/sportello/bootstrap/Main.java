package dev.sportello.bootstrap;

import picocli.CommandLine;

/** Runs the {@code sportello} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line {@link #main} runs; tests run it in-process with their own writers. */
  static CommandLine commandLine() {
    return new CommandLine(new SportelloCommand());
  }
}

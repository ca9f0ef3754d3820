package dev.sportello.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process, with its own writers and environment. */
record Cli(int exitCode, String out, String err) {

  static Cli run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      int exitCode =
          Main.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
      return new Cli(exitCode, out.toString(), err.toString());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", args));
    }
  }
}

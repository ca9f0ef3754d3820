package dev.sportello.bootstrap;

import dev.sportello.adapter.cli.CliAdapter;
import dev.sportello.adapter.cli.CliSettings;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Runs the {@code sportello} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    Logging.configure(Config.LogFormat.TEXT, "WARN");
    System.exit(
        execute(
            System.getenv(),
            // As picocli writes by default: autoflushed, in the default charset.
            new PrintWriter(System.out, true, Charset.defaultCharset()),
            new PrintWriter(System.err, true, Charset.defaultCharset()),
            args));
  }

  /**
   * Runs a command and returns its exit code. {@code sportello serve} alone, as the service is
   * usually run, starts without building the command line: picocli's classes are compiled for Java
   * 5, which the start-up cache leaves out, and loading them and building every command's model put
   * 0.2–0.6 s between {@code main} and the configuration read, about 50 ms without
   * (docs/PERFORMANCE.md §3, second pass). Any other use of {@code serve}, such as {@code --config}
   * or {@code --help}, goes through the command line.
   */
  static int execute(
      Map<String, String> environment, PrintWriter out, PrintWriter err, String... args)
      throws InterruptedException {
    if (args.length == 1 && args[0].equals("serve")) {
      try {
        return ServeCommand.serve(environment, new ConfigOption(), out, err);
      } catch (RuntimeException unexpected) {
        // What picocli does with a command's exception: its stack trace on err, "could not start".
        unexpected.printStackTrace(err);
        err.flush();
        return ServeCommand.CANNOT_START;
      }
    }
    CommandLine commandLine = commandLine(environment);
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }

  /**
   * The command line {@link #main} runs, its commands in the order its help lists them; tests run
   * it in-process with their own environment.
   */
  static CommandLine commandLine(Map<String, String> environment) {
    CommandLine root = new CommandLine(new SportelloCommand(environment));
    root.addSubcommand(ServeCommand.class);
    root.addSubcommand(SandboxCommand.class);
    for (CommandLine client : CliAdapter.commands(clientSettings(environment))) {
      root.addSubcommand(client);
    }
    root.addSubcommand(KeysCommand.class);
    root.addSubcommand(MigrateCommand.class);
    root.addSubcommand(AccountCommand.class);
    root.addSubcommand(ValidateCommand.class);
    root.getSubcommands().values().forEach(Main::withoutVersionOption);
    return root;
  }

  /**
   * The version is the program's: {@code -V, --version} is an option of {@code sportello} alone,
   * not of each command under it (picocli's standard options bring it to every one).
   */
  private static void withoutVersionOption(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    OptionSpec version = spec.findOption("--version");
    if (version != null) {
      spec.remove(version);
    }
    command.getSubcommands().values().forEach(Main::withoutVersionOption);
  }

  /**
   * Where the client commands find the service: {@code SPORTELLO_URL}, else localhost on {@code
   * SPORTELLO_HTTP_PORT} or 8080; and the key in {@code SPORTELLO_API_KEY}.
   */
  static CliSettings clientSettings(Map<String, String> environment) {
    Either<String, URI> serviceUrl =
        variable(environment, Setting.SERVICE_URL_VARIABLE)
            .map(url ->
                Values.httpUrl(url)
                    .toEither()
                    .mapLeft(problem -> Setting.SERVICE_URL_VARIABLE + " " + problem))
            .getOrElse(() ->
                Values.integer(
                        variable(environment, "SPORTELLO_HTTP_PORT").getOrElse("8080"), 0, 65_535)
                    .toEither()
                    .mapLeft(problem -> "SPORTELLO_HTTP_PORT " + problem)
                    .map(port -> URI.create("http://localhost:" + port)));
    return new CliSettings(serviceUrl, variable(environment, "SPORTELLO_API_KEY"));
  }

  private static Option<String> variable(Map<String, String> environment, String name) {
    return Option.of(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }
}

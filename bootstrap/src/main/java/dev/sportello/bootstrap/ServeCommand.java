package dev.sportello.bootstrap;

import io.vavr.control.Either;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Runs the service until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the REST API, the sync cycle and, without an engine's token, the embedded sandbox of"
          + " Visengine and DocuEngine. Settings come from SPORTELLO_* variables and --config (see"
          + " README)."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped",
      "1:could not start",
      "2:the configuration is invalid (every problem is printed)"
    })
final class ServeCommand implements Callable<Integer> {
  static final int CANNOT_START = 1;

  @ParentCommand
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private SportelloCommand parent;

  @Spec
  @SuppressWarnings("NullAway.Init") // picocli injects it before call()
  private CommandSpec spec;

  @Mixin private ConfigOption configOption = new ConfigOption();

  @Override
  public Integer call() throws InterruptedException {
    return serve(
        parent.environment(),
        configOption,
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  /**
   * Starts the service and runs it until the process is stopped; returns the exit code. {@link
   * Main} calls it without the command line for {@code sportello serve} alone.
   */
  static int serve(
      Map<String, String> environment, ConfigOption configOption, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    var config = configOption.load(environment, err);
    if (config.isEmpty()) {
      return ConfigOption.INVALID;
    }
    Logging.configure(config.get().logFormat(), config.get().logLevel());
    Either<String, Service> started = Service.start(config.get());
    if (started.isLeft()) {
      err.println("error: " + started.getLeft());
      err.flush();
      return CANNOT_START;
    }
    Service service = started.get();
    Banner.print(out, service, sinceProcessStart());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              service.close();
              stopped.countDown();
            }));
    stopped.await();
    return 0;
  }

  private static Duration sinceProcessStart() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(start -> Duration.between(start, Instant.now()))
        .orElse(Duration.ZERO);
  }
}

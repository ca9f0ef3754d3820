package dev.sportello.bootstrap.reliability;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sportello serve} in a process of its own, started with the test's class path, so that a
 * test can kill it with SIGKILL as an operating system or an orchestrator would, and read
 * everything it wrote to its console.
 */
final class ServiceProcess {
  private static final Pattern API =
      Pattern.compile("^ *API +(http://\\S+)/api/v1", Pattern.MULTILINE);
  private static final Pattern SANDBOX =
      Pattern.compile("^ *Sandbox +(http://\\S+) +token (\\S+)", Pattern.MULTILINE);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final URI baseUrl;
  private final String banner;

  private ServiceProcess(Process process, Path log, URI baseUrl, String banner) {
    this.process = process;
    this.log = log;
    this.baseUrl = baseUrl;
    this.banner = banner;
  }

  /**
   * Starts the service with the given {@code SPORTELLO_*} settings and waits until it says it is
   * ready; its console goes to {@code log}, appended to.
   */
  static ServiceProcess start(Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.sportello.bootstrap.Main",
                    "serve"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().keySet().removeIf(name -> name.startsWith("SPORTELLO_"));
    builder.environment().putAll(environment);
    long offset = Files.exists(log) ? Files.size(log) : 0;
    Process process = builder.start();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      String output = since(log, offset);
      Matcher api = API.matcher(output);
      if (output.contains("Ready in") && api.find()) {
        return new ServiceProcess(process, log, URI.create(api.group(1)), output);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the service ended on start:\n" + output);
      }
      Thread.sleep(50);
    }
    process.destroyForcibly().waitFor();
    throw new IllegalStateException("the service did not start in time:\n" + since(log, offset));
  }

  private static String since(Path log, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(log);
    return new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
  }

  URI baseUrl() {
    return baseUrl;
  }

  /** The embedded sandbox's address and token, as the banner shows them (sandbox mode only). */
  SandboxAccess sandbox() {
    Matcher sandbox = SANDBOX.matcher(banner);
    if (!sandbox.find()) {
      throw new IllegalStateException("the service runs without the embedded sandbox");
    }
    return new SandboxAccess(URI.create(sandbox.group(1)), sandbox.group(2));
  }

  /** SIGKILL: no shutdown hook runs, nothing in flight is finished or flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Everything the service wrote so far, across restarts that share the log. */
  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Stops it as an operator would (SIGTERM), letting work in flight finish. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}

package dev.sportello.sandbox;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar visengine-sandbox.jar [--port 8089] [--token T]... [--account EMAIL:APIKEY]...
 * [--speed X] [--balance E] [--host H] [--control]}: runs the sandbox until the process is stopped.
 */
public final class SandboxMain {

  /** How the sandbox's own jar is run, as its help names it. */
  static final String JAR_COMMAND = "java -jar visengine-sandbox.jar";

  private static final String OPTIONS =
      """
        --port N        TCP port (default 8089; 0 picks a free one)
        --host H        address to bind (default 127.0.0.1)
        --token T       accepted bearer token, every scope, never expires; repeatable
                        (default: one generated and printed)
        --account EMAIL:APIKEY
                        a user who mints tokens on the OAuth service (POST /tokens, HTTP Basic);
                        repeatable (default: none)
        --speed X       operator speed factor: 2 halves the 3 s per lifecycle step (default 1)
        --balance E     starting wallet credit in euro (default 10000)
        --control       serve the /_sandbox control API (faults, clock, wallet)
        --help          print this help
      """;

  static final int DEFAULT_PORT = 8089;

  /** The exit code of a command line the sandbox cannot use. */
  static final int USAGE_ERROR = 2;

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    int code =
        run(
            JAR_COMMAND,
            new PrintWriter(System.out, true, Charset.defaultCharset()),
            new PrintWriter(System.err, true, Charset.defaultCharset()),
            args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the sandbox until the process is stopped, or prints its help; returns the exit code.
   *
   * @param command how the sandbox was started, as its help should name it, such as {@code java
   *     -jar visengine-sandbox.jar}
   * @param out where the help and the banner go
   * @param err where a wrong command line is reported
   * @param args the options
   * @return 0 once stopped or after the help, 2 when the options cannot be used
   * @throws InterruptedException when the thread waiting for the stop is interrupted
   */
  public static int run(String command, PrintWriter out, PrintWriter err, String... args)
      throws InterruptedException {
    // The sandbox's own logging setup, unless the caller chose one; set before any logger exists.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "visengine-sandbox-logback.xml");
    }
    SandboxSettings settings;
    try {
      if (List.of(args).contains("--help")) {
        out.print(usage(command));
        out.flush();
        return 0;
      }
      settings = parse(args);
    } catch (IllegalArgumentException wrongUsage) {
      err.println(wrongUsage.getMessage());
      err.print(usage(command));
      err.flush();
      return USAGE_ERROR;
    }
    VisengineSandbox sandbox = VisengineSandbox.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              sandbox.close();
              stopped.countDown();
            }));
    printBanner(out, sandbox, settings);
    out.flush();
    stopped.await();
    return 0;
  }

  /** The help, naming the command as it was run. */
  static String usage(String command) {
    return "Usage: " + command + " [options]" + System.lineSeparator() + OPTIONS;
  }

  static SandboxSettings parse(String[] args) {
    SandboxSettings settings = SandboxSettings.defaults().withPort(DEFAULT_PORT);
    List<String> tokens = new ArrayList<>();
    List<SandboxSettings.Account> accounts = new ArrayList<>();
    double speed = 1;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--control")) {
        settings = settings.withControlApi(true);
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Unknown option or missing value: " + option);
      }
      String value = args[++i];
      try {
        switch (option) {
          case "--port" -> settings = settings.withPort(Integer.parseInt(value));
          case "--host" -> settings = settings.withBindHost(value);
          case "--token" -> tokens.add(value);
          case "--account" -> accounts.add(account(value));
          case "--speed" -> speed = Double.parseDouble(value);
          case "--balance" -> settings = settings.withInitialBalance(new BigDecimal(value));
          default -> throw new IllegalArgumentException("Unknown option: " + option);
        }
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException("Not a number for " + option + ": " + value, notANumber);
      }
    }
    if (!tokens.isEmpty()) {
      settings = settings.withTokens(tokens.toArray(String[]::new));
    }
    return settings.withAccounts(accounts.toArray(SandboxSettings.Account[]::new)).withSpeed(speed);
  }

  /** {@code EMAIL:APIKEY}, split at the first colon; the key never appears in an error. */
  private static SandboxSettings.Account account(String value) {
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(
          "--account takes EMAIL:APIKEY, e.g. --account dev@example.com:my-api-key");
    }
    return new SandboxSettings.Account(value.substring(0, colon), value.substring(colon + 1));
  }

  private static void printBanner(
      PrintWriter out, VisengineSandbox sandbox, SandboxSettings settings) {
    out.printf(Locale.ROOT, "Visengine sandbox: %s%n", sandbox.baseUrl());
    out.printf(Locale.ROOT, "DocuEngine sandbox: %s%n", sandbox.baseUrl());
    out.printf(Locale.ROOT, "DocuEngine storage: %s%n", sandbox.storageBaseUrl());
    out.printf(Locale.ROOT, "Token:  %s%n", sandbox.token());
    out.printf(
        Locale.ROOT,
        "Try:    curl -H 'Authorization: Bearer %s' %s/visure%n",
        sandbox.token(),
        sandbox.baseUrl());
    out.printf(
        Locale.ROOT,
        "        curl -H 'Authorization: Bearer %s' %s/documents%n",
        sandbox.token(),
        sandbox.baseUrl());
    if (!settings.accounts().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "OAuth v2: %s/tokens (%d account(s), HTTP Basic EMAIL:APIKEY)%n",
          sandbox.baseUrl(),
          settings.accounts().size());
    }
    if (settings.controlApiEnabled()) {
      out.printf(Locale.ROOT, "Control API: %s%s%n", sandbox.baseUrl(), ControlApi.PREFIX);
    }
  }
}

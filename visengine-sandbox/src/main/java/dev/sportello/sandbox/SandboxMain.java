package dev.sportello.sandbox;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar visengine-sandbox.jar [--port 8089] [--token T]... [--account EMAIL:APIKEY]...
 * [--speed X] [--balance E] [--host H] [--control]}: runs the sandbox until the process is stopped.
 */
public final class SandboxMain {

  static final String USAGE =
      """
      Usage: java -jar visengine-sandbox.jar [options]
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

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    // The sandbox's own logging setup, unless the caller chose one; set before any logger exists.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "visengine-sandbox-logback.xml");
    }
    SandboxSettings settings;
    try {
      if (List.of(args).contains("--help")) {
        System.out.print(USAGE);
        return;
      }
      settings = parse(args);
    } catch (IllegalArgumentException wrongUsage) {
      System.err.println(wrongUsage.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    VisengineSandbox sandbox = VisengineSandbox.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              sandbox.close();
              stopped.countDown();
            }));
    printBanner(System.out, sandbox, settings);
    stopped.await();
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
      PrintStream out, VisengineSandbox sandbox, SandboxSettings settings) {
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

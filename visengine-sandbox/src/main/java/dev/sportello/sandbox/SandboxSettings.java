package dev.sportello.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * How to run a {@link VisengineSandbox}.
 *
 * @param port the TCP port; 0 picks a free one
 * @param bindHost the address to listen on; loopback by default
 * @param tokens the bearer tokens accepted; when empty, one is generated at start
 * @param initialBalance the wallet's starting credit in euro
 * @param stepDelay how long each operator step takes on the sandbox clock, for both engines
 *     (Visengine: closed → data available → fulfilled; DocuEngine: search → results, and waiting →
 *     done)
 * @param controlApiEnabled whether the {@code /_sandbox} control API (faults, clock, wallet) is
 *     served
 * @param accounts the users of the sandbox's one Openapi account who may mint tokens on its OAuth
 *     service ({@code POST /tokens}, HTTP Basic with e-mail and API key); none by default
 */
public record SandboxSettings(
    int port,
    String bindHost,
    List<String> tokens,
    BigDecimal initialBalance,
    Duration stepDelay,
    boolean controlApiEnabled,
    List<Account> accounts) {

  public static final String LOOPBACK = "127.0.0.1";
  public static final BigDecimal DEFAULT_BALANCE = new BigDecimal("10000.00");
  public static final Duration DEFAULT_STEP_DELAY = Duration.ofSeconds(3);

  public SandboxSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535");
    }
    if (bindHost.isBlank()) {
      throw new IllegalArgumentException("bindHost must not be blank");
    }
    tokens = List.copyOf(tokens);
    if (tokens.stream()
        .anyMatch(token -> token.isBlank() || token.strip().length() != token.length())) {
      throw new IllegalArgumentException("tokens must be non-blank, without surrounding spaces");
    }
    if (initialBalance.signum() < 0) {
      throw new IllegalArgumentException("initialBalance must not be negative");
    }
    if (stepDelay.isNegative()) {
      throw new IllegalArgumentException("stepDelay must not be negative");
    }
    accounts = List.copyOf(accounts);
    if (new HashSet<>(accounts.stream().map(Account::email).toList()).size() < accounts.size()) {
      throw new IllegalArgumentException("accounts must have distinct e-mails");
    }
  }

  /**
   * A user who authenticates to the OAuth service with HTTP Basic {@code email:apiKey}. The e-mail
   * cannot hold a colon (Basic splits there); the key is never printed.
   */
  public record Account(String email, String apiKey) {
    public Account {
      if (email.isBlank() || email.contains(":") || email.strip().length() != email.length()) {
        throw new IllegalArgumentException(
            "an account's e-mail must be non-blank, without colons or surrounding spaces");
      }
      if (apiKey.isBlank() || apiKey.strip().length() != apiKey.length()) {
        throw new IllegalArgumentException(
            "an account's API key must be non-blank, without surrounding spaces");
      }
    }

    @Override
    public String toString() {
      return "Account[email=" + email + ", apiKey=***]";
    }
  }

  /**
   * Random loopback port, a generated token, €10 000, 3 s per step, no control API, no accounts.
   */
  public static SandboxSettings defaults() {
    return new SandboxSettings(
        0, LOOPBACK, List.of(), DEFAULT_BALANCE, DEFAULT_STEP_DELAY, false, List.of());
  }

  public SandboxSettings withPort(int newPort) {
    return new SandboxSettings(
        newPort, bindHost, tokens, initialBalance, stepDelay, controlApiEnabled, accounts);
  }

  public SandboxSettings withBindHost(String newBindHost) {
    return new SandboxSettings(
        port, newBindHost, tokens, initialBalance, stepDelay, controlApiEnabled, accounts);
  }

  public SandboxSettings withTokens(String... newTokens) {
    return new SandboxSettings(
        port,
        bindHost,
        Arrays.asList(newTokens),
        initialBalance,
        stepDelay,
        controlApiEnabled,
        accounts);
  }

  public SandboxSettings withInitialBalance(BigDecimal newBalance) {
    return new SandboxSettings(
        port, bindHost, tokens, newBalance, stepDelay, controlApiEnabled, accounts);
  }

  public SandboxSettings withStepDelay(Duration newStepDelay) {
    return new SandboxSettings(
        port, bindHost, tokens, initialBalance, newStepDelay, controlApiEnabled, accounts);
  }

  /** Divides the step delay: speed 2 makes the operators twice as fast. */
  public SandboxSettings withSpeed(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number");
    }
    return withStepDelay(Duration.ofNanos(Math.round(stepDelay.toNanos() / speed)));
  }

  public SandboxSettings withControlApi(boolean enabled) {
    return new SandboxSettings(
        port, bindHost, tokens, initialBalance, stepDelay, enabled, accounts);
  }

  public SandboxSettings withAccounts(Account... newAccounts) {
    return new SandboxSettings(
        port,
        bindHost,
        tokens,
        initialBalance,
        stepDelay,
        controlApiEnabled,
        Arrays.asList(newAccounts));
  }
}

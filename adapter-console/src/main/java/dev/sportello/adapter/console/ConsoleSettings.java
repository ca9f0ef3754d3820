package dev.sportello.adapter.console;

import dev.sportello.domain.field.ValuePolicy;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The console's configuration.
 *
 * @param apiKeys who may sign in: the SHA-256 of each API key in lower-case hexadecimal, mapped to
 *     the caller it identifies, exactly as the REST API is configured; a person signs in with the
 *     key and then sees what that caller sees over the API
 * @param sessionIdleTimeout how long a session lasts without a request; then its person signs in
 *     again
 * @param maxSessions how many sessions are kept at once; when a new one would exceed it, the one
 *     idle the longest is forgotten
 * @param refusedSignInDelay how long a refused sign-in waits before it answers, against guessing
 * @param files the files a file field takes (their types and largest size), as the application
 *     checks them: the form refuses others before sending anything
 * @param publicOrigin the origin browsers see the console at, such as {@code
 *     https://console.example}, which every post must come from; set it when a reverse proxy in
 *     front passes another {@code Host}. Empty: a post's origin must name the {@code Host} it was
 *     sent to
 */
public record ConsoleSettings(
    Map<String, String> apiKeys,
    Duration sessionIdleTimeout,
    int maxSessions,
    Duration refusedSignInDelay,
    ValuePolicy files,
    Option<URI> publicOrigin) {

  /** Thirty minutes. */
  public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);

  /** Ten thousand. */
  public static final int DEFAULT_MAX_SESSIONS = 10_000;

  /** One second. */
  public static final Duration DEFAULT_REFUSED_SIGN_IN_DELAY = Duration.ofSeconds(1);

  /**
   * Checks every component: a positive idle timeout, at least one session, a delay that is not
   * negative, and a public origin that is an http or https scheme, a host and perhaps a port.
   */
  public ConsoleSettings {
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    Objects.requireNonNull(refusedSignInDelay, "refusedSignInDelay");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(publicOrigin, "publicOrigin");
    publicOrigin.forEach(ConsoleSettings::requireOrigin);
    if (!sessionIdleTimeout.isPositive()) {
      throw new IllegalArgumentException("the session idle timeout is positive");
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("at least one session is kept");
    }
    if (refusedSignInDelay.isNegative()) {
      throw new IllegalArgumentException("the refused sign-in delay is never negative");
    }
  }

  /**
   * Without a configured public origin: posts are checked against their {@code Host}.
   *
   * @param apiKeys the SHA-256 of each API key, mapped to its caller
   * @param sessionIdleTimeout how long a session lasts without a request
   * @param maxSessions how many sessions are kept at once
   * @param refusedSignInDelay how long a refused sign-in waits before it answers
   * @param files the files a file field takes
   */
  public ConsoleSettings(
      Map<String, String> apiKeys,
      Duration sessionIdleTimeout,
      int maxSessions,
      Duration refusedSignInDelay,
      ValuePolicy files) {
    this(apiKeys, sessionIdleTimeout, maxSessions, refusedSignInDelay, files, Option.none());
  }

  /**
   * The defaults, with the given keys: the application's default file policy.
   *
   * @param apiKeys the SHA-256 of each API key, mapped to its caller
   * @return the settings
   */
  public static ConsoleSettings of(Map<String, String> apiKeys) {
    return new ConsoleSettings(
        apiKeys,
        DEFAULT_SESSION_IDLE_TIMEOUT,
        DEFAULT_MAX_SESSIONS,
        DEFAULT_REFUSED_SIGN_IN_DELAY,
        ValuePolicy.defaults());
  }

  /**
   * The same settings, taking other files.
   *
   * @param policy the files a file field takes
   * @return the changed settings
   */
  public ConsoleSettings withFiles(ValuePolicy policy) {
    return new ConsoleSettings(
        apiKeys, sessionIdleTimeout, maxSessions, refusedSignInDelay, policy, publicOrigin);
  }

  /**
   * The same settings, with the origin browsers see the console at.
   *
   * @param origin a scheme, a host and perhaps a port, such as {@code https://console.example}
   * @return the changed settings
   */
  public ConsoleSettings withPublicOrigin(URI origin) {
    return new ConsoleSettings(
        apiKeys, sessionIdleTimeout, maxSessions, refusedSignInDelay, files, Option.some(origin));
  }

  /** An origin is a scheme, a host and perhaps a port: nothing after them. */
  private static void requireOrigin(URI origin) {
    String scheme = origin.getScheme();
    String path = origin.getRawPath();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || origin.getHost() == null
        || origin.getRawUserInfo() != null
        || !(path == null || path.isEmpty() || path.equals("/"))
        || origin.getRawQuery() != null
        || origin.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the public origin is an http or https scheme and a host, such as"
              + " https://console.example");
    }
  }

  /** Leaves out the key hashes. */
  @Override
  public String toString() {
    return "ConsoleSettings[callers="
        + apiKeys.size()
        + ", sessionIdleTimeout="
        + sessionIdleTimeout
        + ", maxSessions="
        + maxSessions
        + ", refusedSignInDelay="
        + refusedSignInDelay
        + ", publicOrigin="
        + publicOrigin
        + "]";
  }
}

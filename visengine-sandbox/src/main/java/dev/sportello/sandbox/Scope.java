package dev.sportello.sandbox;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An OAuth scope, {@code METHOD:host/first-path-segment}: what a token may call. A {@code *} in any
 * of the three parts stands for any text there, as the vendor's scopes allow ({@code
 * *:*.openapi.it/*}).
 */
record Scope(String method, String host, String segment) {

  private static final Pattern SHAPE =
      Pattern.compile("([A-Z]+|\\*):([a-z0-9*][a-z0-9.*-]*)/([A-Za-z0-9_.*-]+)");

  /** The scope string, or empty when it is not shaped {@code METHOD:host/segment}. */
  static Optional<Scope> parse(String text) {
    Matcher parts = SHAPE.matcher(text);
    return parts.matches()
        ? Optional.of(new Scope(parts.group(1), parts.group(2), parts.group(3)))
        : Optional.empty();
  }

  /**
   * The scope a route ({@code "PUT /richiesta/{id}/ricerche"}) of the engine on {@code host} needs.
   */
  static Scope ofRoute(String host, String route) {
    String[] methodAndPath = route.split(" ", 2);
    String segment = methodAndPath[1].substring(1).split("/", 2)[0];
    return new Scope(methodAndPath[0], host, segment);
  }

  /** Whether a token holding this scope may make a call that needs {@code needed}. */
  boolean covers(Scope needed) {
    return matches(method, needed.method)
        && matches(host, needed.host)
        && matches(segment, needed.segment);
  }

  private static boolean matches(String pattern, String text) {
    if (pattern.indexOf('*') < 0) {
      return pattern.equals(text);
    }
    String regex =
        Arrays.stream(pattern.split("\\*", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*"));
    return text.matches(regex);
  }

  @Override
  public String toString() {
    return method + ":" + host + "/" + segment;
  }
}

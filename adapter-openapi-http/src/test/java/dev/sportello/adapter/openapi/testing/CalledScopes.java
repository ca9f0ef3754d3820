package dev.sportello.adapter.openapi.testing;

import feign.RequestLine;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The OAuth scopes an engine adapter's calls need, read from its Feign interfaces. */
public final class CalledScopes {
  private CalledScopes() {}

  /**
   * One scope {@code METHOD:host/first-segment} for each method and first path segment that the
   * interfaces' {@link RequestLine}s call.
   */
  public static Set<String> of(String host, Class<?>... calls) {
    return Stream.of(calls)
        .flatMap(declared -> Arrays.stream(declared.getDeclaredMethods()))
        .filter(call -> !call.isSynthetic())
        .map(CalledScopes::requestLine)
        .map(line -> line.split(" ", 2))
        .map(methodAndPath -> methodAndPath[0] + ":" + host + "/" + firstSegment(methodAndPath[1]))
        .collect(Collectors.toSet());
  }

  private static String firstSegment(String path) {
    int end = path.indexOf('/', 1);
    return path.substring(1, end < 0 ? path.length() : end);
  }

  private static String requestLine(Method call) {
    RequestLine line = call.getAnnotation(RequestLine.class);
    if (line == null) {
      throw new AssertionError(call + " has no request line");
    }
    return line.value();
  }
}

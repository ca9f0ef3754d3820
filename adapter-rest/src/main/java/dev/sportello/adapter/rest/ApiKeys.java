package dev.sportello.adapter.rest;

import dev.sportello.application.port.in.CallerKeys;
import io.javalin.http.Context;
import io.vavr.collection.Map;

/**
 * Bearer API keys, told apart by {@link CallerKeys}: only their SHA-256 hashes are known, and a
 * presented key is compared with every one in constant time.
 */
final class ApiKeys {
  private final CallerKeys callers;

  ApiKeys(Map<String, String> hashesToCallers) {
    this.callers = CallerKeys.of(hashesToCallers);
  }

  /** The caller the request's bearer key identifies, or the 401 problem. */
  String authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw unauthorized("send Authorization: Bearer <api key>");
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
      throw unauthorized("the Authorization scheme must be Bearer");
    }
    String key = header.substring(space + 1).strip();
    if (key.isEmpty()) {
      throw unauthorized("the API key is not valid");
    }
    return callers.callerOf(key).getOrElseThrow(() -> unauthorized("the API key is not valid"));
  }

  private static Problem.ApiProblem unauthorized(String detail) {
    return Problem.of(401, "unauthorized", "Authentication required", detail)
        .withHeader("WWW-Authenticate", "Bearer realm=\"sportello\"")
        .raise();
  }
}

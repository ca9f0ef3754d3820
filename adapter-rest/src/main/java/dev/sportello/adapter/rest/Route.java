package dev.sportello.adapter.rest;

import io.javalin.http.Context;
import java.util.Objects;

/**
 * One route of the API.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
 * @param path the path as the OpenAPI document writes it, such as {@code /api/v1/requests/{id}}
 * @param authenticated whether a bearer API key is required
 * @param action what it does
 */
record Route(String method, String path, boolean authenticated, Action action) {

  Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(action, "action");
  }

  /** Handles one call; the caller is empty on routes that need no key. */
  @FunctionalInterface
  interface Action {
    void handle(Context ctx, String caller) throws Exception;
  }

  /**
   * The path in Javalin's syntax: the last parameter of a document file may contain slashes (ZIP
   * entries can sit in folders).
   */
  String javalinPath() {
    return path.replace("/files/{name}", "/files/<name>");
  }
}

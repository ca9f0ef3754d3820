package dev.sportello.adapter.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.vavr.collection.List;
import java.util.Map;

/**
 * HTML pages for what goes wrong on the console's addresses, in the visitor's language: a browser
 * never gets the API's problem JSON there.
 */
final class ErrorPages {
  /** The statuses with words of their own; others are told as the nearest of these. */
  static final List<Integer> KNOWN = List.of(400, 403, 404, 405, 413, 500, 503);

  private final Visits visits;

  ErrorPages(Visits visits) {
    this.visits = visits;
  }

  /**
   * Answers the errors that reach no route of ours, or that other handlers on the same server
   * answered first (an address nothing serves, a method it does not take, a malformed address).
   */
  void register(JavalinConfig config) {
    for (int status : KNOWN) {
      config.routes.error(
          status,
          ctx -> {
            if (Routes.owns(ctx) && !isPage(ctx)) {
              ctx.res().reset();
              Guard.secureHeaders(ctx);
              show(ctx, status);
            }
          });
    }
  }

  void show(Context ctx, int status) {
    show(visits.of(ctx), status);
  }

  void show(Visit visit, int status) {
    int told = KNOWN.contains(status) ? status : status < 500 ? 400 : 500;
    visit.render(
        status, "error.jte", "error." + told + ".title", Map.of("explanation", "error." + told));
  }

  private static boolean isPage(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith("text/html");
  }
}

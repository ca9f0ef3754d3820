package dev.sportello.adapter.console;

import io.javalin.http.Context;
import io.vavr.control.Option;

/**
 * The console's cookies, written by hand so that every attribute is explicit: HTTP-only, {@code
 * SameSite=Lax}, and {@code Secure} whenever the page came over HTTPS.
 */
final class Cookies {
  /** The session's random id. */
  static final String SESSION = "sportello_session";

  /** The CSRF token of a visitor not signed in, posted back by the sign-in and language forms. */
  static final String VISITOR = "sportello_visitor";

  /** The chosen language's code. */
  static final String LANGUAGE = "sportello_language";

  private static final int A_YEAR = 365 * 24 * 3600;

  private Cookies() {}

  static Option<String> read(Context ctx, String name) {
    return Option.of(ctx.cookie(name)).filter(value -> !value.isBlank());
  }

  /** A cookie that lasts until the browser closes. */
  static void set(Context ctx, String name, String value) {
    ctx.res().addHeader("Set-Cookie", cookie(ctx, name, value));
  }

  /** A cookie kept for a year, such as the language. */
  static void keep(Context ctx, String name, String value) {
    ctx.res().addHeader("Set-Cookie", cookie(ctx, name, value) + "; Max-Age=" + A_YEAR);
  }

  static void clear(Context ctx, String name) {
    ctx.res().addHeader("Set-Cookie", cookie(ctx, name, "") + "; Max-Age=0");
  }

  private static String cookie(Context ctx, String name, String value) {
    return name
        + "="
        + value
        + "; Path=/; HttpOnly; SameSite=Lax"
        + (Guard.overHttps(ctx) ? "; Secure" : "");
  }
}

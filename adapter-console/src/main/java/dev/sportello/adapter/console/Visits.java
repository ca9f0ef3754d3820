package dev.sportello.adapter.console;

import io.javalin.http.Context;
import io.vavr.control.Option;
import org.jspecify.annotations.Nullable;

/** Tells each request's visit: its session from the cookie, its language, its CSRF token. */
final class Visits {
  private final Sessions sessions;
  private final Templates templates;

  Visits(Sessions sessions, Templates templates) {
    this.sessions = sessions;
    this.templates = templates;
  }

  /** A visit whose page is at the request's own address. */
  Visit of(Context ctx) {
    return of(ctx, ctx.path());
  }

  /**
   * @param pagePath the address that shows the visit's page with a GET
   */
  Visit of(Context ctx, String pagePath) {
    Option<String> presented = Cookies.read(ctx, Cookies.SESSION);
    Option<Session> session = presented.flatMap(sessions::find);
    Language language =
        Cookies.read(ctx, Cookies.LANGUAGE)
            .flatMap(Language::ofCode)
            .getOrElse(() -> Language.preferred(orEmpty(ctx.header("Accept-Language"))));
    String csrfToken = session.map(Session::csrfToken).getOrElse(() -> visitorToken(ctx));
    return new Visit(
        ctx,
        session,
        Text.of(language),
        csrfToken,
        templates,
        pagePath,
        presented.isDefined() && session.isEmpty());
  }

  /**
   * A visitor not signed in posts the token its cookie holds (double submit): another site can
   * neither read the cookie nor set it.
   */
  private String visitorToken(Context ctx) {
    return Cookies.read(ctx, Cookies.VISITOR)
        .filter(token -> Sessions.TOKEN.matcher(token).matches())
        .getOrElse(() -> {
          String token = sessions.token();
          Cookies.set(ctx, Cookies.VISITOR, token);
          return token;
        });
  }

  private static String orEmpty(@Nullable String header) {
    return header == null ? "" : header;
  }
}

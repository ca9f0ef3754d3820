package dev.sportello.adapter.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vavr.control.Option;
import java.util.HashMap;
import java.util.Map;

/** One request to the console: the exchange, who asks (if signed in), and in which language. */
final class Visit {
  private final Context ctx;
  private final Option<Session> session;
  private final Text text;
  private final String csrfToken;
  private final Templates templates;
  private final String pagePath;
  private final boolean sessionEnded;

  /**
   * @param pagePath the address of the page this visit shows, which a GET opens again
   * @param sessionEnded whether the browser presented a session that has ended
   */
  Visit(
      Context ctx,
      Option<Session> session,
      Text text,
      String csrfToken,
      Templates templates,
      String pagePath,
      boolean sessionEnded) {
    this.ctx = ctx;
    this.session = session;
    this.text = text;
    this.csrfToken = csrfToken;
    this.templates = templates;
    this.pagePath = pagePath;
    this.sessionEnded = sessionEnded;
  }

  Context ctx() {
    return ctx;
  }

  Option<Session> session() {
    return session;
  }

  /** The signed-in caller; the routes that call this are open to signed-in people only. */
  String caller() {
    return session
        .map(Session::caller)
        .getOrElseThrow(() -> new IllegalStateException("no one is signed in"));
  }

  /** The address that opens this visit's page again with a GET, whatever the request's method. */
  String pagePath() {
    return pagePath;
  }

  boolean sessionEnded() {
    return sessionEnded;
  }

  Text text() {
    return text;
  }

  String csrfToken() {
    return csrfToken;
  }

  /** What the layout needs, for a page titled by the message under a key. */
  Page page(String titleKey) {
    return new Page(text, text.get(titleKey), pagePath, session.isDefined(), csrfToken);
  }

  /** Whether htmx sent the request, which then wants a fragment rather than a page. */
  boolean byHtmx() {
    return "true".equals(ctx.header("HX-Request"));
  }

  /**
   * Answers with a template's HTML.
   *
   * @param parameters the template's parameters but {@code page}, which the page titled by {@code
   *     titleKey} fills
   */
  void render(int status, String template, String titleKey, Map<String, Object> parameters) {
    Map<String, Object> all = new HashMap<>(parameters);
    all.put("page", page(titleKey));
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.html(templates.render(template, all));
  }

  /** Sends the browser to another page of ours, with a GET. */
  void redirect(String path) {
    if (byHtmx()) {
      // htmx would follow a redirect and swap the whole page into a fragment's place.
      ctx.header("HX-Redirect", path);
      ctx.status(HttpStatus.NO_CONTENT);
    } else {
      ctx.redirect(path, HttpStatus.SEE_OTHER);
    }
  }
}

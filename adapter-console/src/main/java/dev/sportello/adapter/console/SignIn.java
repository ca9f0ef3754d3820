package dev.sportello.adapter.console;

import dev.sportello.application.port.in.CallerKeys;
import io.vavr.control.Option;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Signing in with an API key, signing out, and choosing the language. A key is told apart exactly
 * as the REST API tells it ({@link CallerKeys}); it is never kept, logged or put in a cookie: the
 * session cookie holds a random id.
 */
final class SignIn {
  static final String PATH = "/sign-in";
  static final String SIGN_OUT = "/sign-out";
  static final String LANGUAGE = "/language";

  /** Where a signed-in person lands. */
  static final String HOME = "/catalogue";

  /** The parameter naming the page to come back to once signed in. */
  static final String NEXT = "next";

  /** The parameter saying that the visitor's session has ended. */
  static final String ENDED = "ended";

  /** An address of ours to come back to: a path, never another site (no {@code //}, no scheme). */
  private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%-]*");

  private final CallerKeys keys;
  private final Sessions sessions;
  private final Duration refusedDelay;

  SignIn(CallerKeys keys, Sessions sessions, Duration refusedDelay) {
    this.keys = keys;
    this.sessions = sessions;
    this.refusedDelay = refusedDelay;
  }

  void register(Routes routes) {
    routes.get("/", Access.ANYONE, this::home);
    routes.get(PATH, Access.ANYONE, this::form);
    routes.post(PATH, Access.ANYONE, this::signIn);
    routes.post(SIGN_OUT, Access.ANYONE, this::signOut);
    routes.post(LANGUAGE, Access.ANYONE, this::language);
  }

  /**
   * The sign-in page, for someone who asked for a page of ours without a session: once signed in,
   * they come back to it.
   *
   * @param ended whether they had a session that has ended, which the page then says
   */
  static String returningTo(String back, boolean ended) {
    return PATH
        + "?"
        + NEXT
        + "="
        + URLEncoder.encode(back, StandardCharsets.UTF_8)
        + (ended ? "&" + ENDED + "=true" : "");
  }

  private void home(Visit visit) {
    visit.redirect(visit.session().isDefined() ? HOME : PATH);
  }

  private void form(Visit visit) {
    String back = local(visit.ctx().queryParam(NEXT)).getOrElse(HOME);
    if (visit.session().isDefined()) {
      visit.redirect(back);
    } else {
      show(visit, 200, false, back, "true".equals(visit.ctx().queryParam(ENDED)));
    }
  }

  private void signIn(Visit visit) {
    String key = Option.of(visit.ctx().formParam("apiKey")).map(String::strip).getOrElse("");
    String back = local(visit.ctx().formParam(NEXT)).getOrElse(HOME);
    Option<String> caller = key.isEmpty() ? Option.none() : keys.callerOf(key);
    if (caller.isEmpty()) {
      pause();
      show(visit, 403, true, back, false);
      return;
    }
    visit.session().forEach(previous -> sessions.close(previous.id()));
    Session session = sessions.open(caller.get());
    Cookies.set(visit.ctx(), Cookies.SESSION, session.id());
    visit.redirect(back);
  }

  private void signOut(Visit visit) {
    visit.session().forEach(session -> sessions.close(session.id()));
    Cookies.clear(visit.ctx(), Cookies.SESSION);
    visit.redirect(PATH);
  }

  private void language(Visit visit) {
    Option<Language> chosen =
        Option.of(visit.ctx().formParam("language")).flatMap(Language::ofCode);
    chosen.forEach(language -> Cookies.keep(visit.ctx(), Cookies.LANGUAGE, language.code()));
    visit.redirect(local(visit.ctx().formParam("back")).getOrElse("/"));
  }

  /** An address to come back to, if it is one of ours. */
  private static Option<String> local(@Nullable String path) {
    return Option.of(path).filter(candidate -> LOCAL_PATH.matcher(candidate).matches());
  }

  private void show(Visit visit, int status, boolean refused, String back, boolean ended) {
    visit.render(
        status,
        "signIn.jte",
        "signIn.title",
        Map.of("refused", refused, "next", back, "ended", ended));
  }

  /** A refused key costs its sender a moment, so that keys cannot be guessed quickly. */
  private void pause() {
    try {
      Thread.sleep(refusedDelay);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

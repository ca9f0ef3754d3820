package dev.sportello.adapter.console;

import dev.sportello.application.port.in.CallerKeys;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

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

  /** Longer keys are refused before hashing; no real key is this long. */
  private static final int MAX_KEY_LENGTH = 512;

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

  private void home(Visit visit) {
    visit.redirect(visit.session().isDefined() ? HOME : PATH);
  }

  private void form(Visit visit) {
    if (visit.session().isDefined()) {
      visit.redirect(HOME);
    } else {
      show(visit, 200, false);
    }
  }

  private void signIn(Visit visit) {
    String key = Option.of(visit.ctx().formParam("apiKey")).map(String::strip).getOrElse("");
    Option<String> caller =
        key.isEmpty() || key.length() > MAX_KEY_LENGTH ? Option.none() : keys.callerOf(key);
    if (caller.isEmpty()) {
      pause();
      show(visit, 403, true);
      return;
    }
    visit.session().forEach(previous -> sessions.close(previous.id()));
    Session session = sessions.open(caller.get());
    Cookies.set(visit.ctx(), Cookies.SESSION, session.id());
    visit.redirect(HOME);
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
    String back =
        Option.of(visit.ctx().formParam("back"))
            .filter(path -> LOCAL_PATH.matcher(path).matches())
            .getOrElse("/");
    visit.redirect(back);
  }

  private void show(Visit visit, int status, boolean refused) {
    visit.render(status, "signIn.jte", "signIn.title", Map.of("refused", refused));
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

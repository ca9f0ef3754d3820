package dev.sportello.adapter.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the console's routes to the server, each behind the same checks: the security headers on
 * every answer, a signed-in session where the route asks for one, the origin and CSRF token of
 * every post; and its failures answered with an HTML page, never a stack trace.
 */
final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private final JavalinConfig config;
  private final Visits visits;
  private final ErrorPages errors;

  Routes(JavalinConfig config, Visits visits, ErrorPages errors) {
    this.config = config;
    this.visits = visits;
    this.errors = errors;
  }

  void get(String path, Access access, PageAction action) {
    add(HandlerType.GET, path, access, action);
  }

  /** A form's target: refused without our origin and the visit's CSRF token. */
  void post(String path, Access access, PageAction action) {
    add(HandlerType.POST, path, access, action);
  }

  /** A file anyone may fetch: the security headers, and no visit (no session, no cookie). */
  void file(String path, Consumer<Context> serve) {
    config.routes.get(
        path,
        ctx -> {
          Guard.secureHeaders(ctx);
          serve.accept(ctx);
        });
  }

  private void add(HandlerType method, String path, Access access, PageAction action) {
    config.routes.addHttpHandler(
        method,
        path,
        ctx -> {
          Guard.secureHeaders(ctx);
          try {
            Visit visit = visits.of(ctx);
            if (method.equals(HandlerType.POST)
                && !(Guard.sameOrigin(ctx) && Guard.carriesToken(ctx, visit.csrfToken()))) {
              errors.show(visit, 403);
            } else if (access == Access.SIGNED_IN && visit.session().isEmpty()) {
              visit.redirect(SignIn.PATH);
            } else {
              action.handle(visit);
            }
          } catch (HttpResponseException refused) {
            errors.show(ctx, refused.getStatus());
          } catch (RuntimeException failure) {
            // The route's template, never its address, and no message: either may hold a
            // personal value.
            LOG.error(
                "unexpected {} on {} {} at {}",
                failure.getClass().getName(),
                method,
                path,
                Arrays.stream(failure.getStackTrace())
                    .limit(8)
                    .map(StackTraceElement::toString)
                    .collect(Collectors.joining(" < ")));
            errors.show(ctx, 500);
          }
        });
  }

  /** Whether an address is the console's, so that its errors are answered with HTML pages. */
  static boolean owns(Context ctx) {
    String path = ctx.path();
    return path.equals("/")
        || Routes.under(path, SignIn.PATH)
        || Routes.under(path, SignIn.SIGN_OUT)
        || Routes.under(path, SignIn.LANGUAGE)
        || Routes.under(path, "/catalogue")
        || Routes.under(path, "/certificates")
        || Routes.under(path, "/requests")
        || Routes.under(path, Assets.BASE);
  }

  private static boolean under(String path, String base) {
    return path.equals(base) || path.startsWith(base + "/");
  }
}

package dev.sportello.adapter.console;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.vavr.control.Option;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the console's routes to the server, each behind the same checks, in this order, so that no
 * body is read before they pass: the security headers on every answer, a post's declared size, a
 * signed-in session where the route asks for one, the origin and CSRF token of every post; and its
 * failures answered with an HTML page, never a stack trace.
 */
final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  private final JavalinConfig config;
  private final Visits visits;
  private final ErrorPages errors;
  private final long maxPostBytes;
  private final Option<URI> publicOrigin;

  /**
   * @param maxPostBytes the largest body a post may declare
   * @param publicOrigin the origin browsers see the console at, when configured; else a post's
   *     origin is compared with its {@code Host}
   */
  Routes(
      JavalinConfig config,
      Visits visits,
      ErrorPages errors,
      long maxPostBytes,
      Option<URI> publicOrigin) {
    this.config = config;
    this.visits = visits;
    this.errors = errors;
    this.maxPostBytes = maxPostBytes;
    this.publicOrigin = publicOrigin;
  }

  void get(String path, Access access, PageAction action) {
    add(HandlerType.GET, path, access, path, action);
  }

  /**
   * A form's target whose page, when it answers with one, is its own address (such as the sign-in
   * page): refused without our origin and the visit's CSRF token.
   */
  void post(String path, Access access, PageAction action) {
    add(HandlerType.POST, path, access, path, action);
  }

  /**
   * A form's target whose answer is shown as the page at another address (such as a certificate's
   * form, checked at {@code /certificates/{id}/check}): where a change of language and a new
   * sign-in come back to.
   *
   * @param page that page's route, with the same path parameters as {@code path}
   */
  void post(String path, Access access, String page, PageAction action) {
    add(HandlerType.POST, path, access, page, action);
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

  private void add(HandlerType method, String path, Access access, String page, PageAction action) {
    boolean post = method.equals(HandlerType.POST);
    config.routes.addHttpHandler(
        method,
        path,
        ctx -> {
          Guard.secureHeaders(ctx);
          try {
            Visit visit = visits.of(ctx, address(page, ctx));
            if (post && ctx.contentLength() > maxPostBytes) {
              errors.show(visit, 413);
            } else if (access == Access.SIGNED_IN && visit.session().isEmpty()) {
              visit.redirect(SignIn.returningTo(visit.pagePath(), visit.sessionEnded()));
            } else if (post
                && !(Guard.sameOrigin(ctx, publicOrigin)
                    && Guard.carriesToken(ctx, visit.csrfToken()))) {
              errors.show(visit, 403);
            } else {
              action.handle(visit);
            }
          } catch (HttpResponseException refused) {
            errors.show(ctx, refused.getStatus());
          } catch (Exception failure) {
            if (pastMultipartLimit(failure)) {
              errors.show(ctx, 413);
              return;
            }
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

  /**
   * Whether the server refused a multipart body while reading it, because a file or the whole body
   * went past the limits {@link ConsoleAdapter#mount} set (Jetty says so only in words).
   */
  private static boolean pastMultipartLimit(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (cause instanceof IllegalStateException
          && message != null
          && message.startsWith("max ")
          && message.contains(" exceeded")) {
        return true;
      }
    }
    return false;
  }

  /** A route's address with the request's path parameters in it. */
  private static String address(String route, Context ctx) {
    Matcher parameter = PARAMETER.matcher(route);
    StringBuilder address = new StringBuilder();
    while (parameter.find()) {
      String value =
          URLEncoder.encode(ctx.pathParam(parameter.group(1)), StandardCharsets.UTF_8)
              .replace("+", "%20");
      parameter.appendReplacement(address, Matcher.quoteReplacement(value));
    }
    return parameter.appendTail(address).toString();
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

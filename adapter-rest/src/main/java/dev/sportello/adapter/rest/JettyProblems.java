package dev.sportello.adapter.rest;

import dev.sportello.adapter.rest.Views.ProblemView;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Problems for what Jetty refuses before a request reaches a route (malformed addresses, bad
 * headers), instead of Jetty's HTML error pages. Never shows a message or a stack trace.
 */
final class JettyProblems {
  private JettyProblems() {}

  static boolean writeProblem(Response response, Callback callback, int status) {
    Problem problem =
        switch (status) {
          case 404 -> Problem.notFound("there is nothing at this address");
          case 400 ->
              Problem.invalid(
                  "request", "malformed_request", "the request could not be understood");
          default ->
              status >= 500
                  ? Problem.of(
                      500, "internal_error", "Internal error", "the request could not be handled")
                  : Problem.of(status, "bad_request", "Bad request", "the request was refused");
        };
    byte[] body = Json.MAPPER.writeValueAsBytes(ProblemView.of(problem, ""));
    response.setStatus(problem.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** For the server, outside any context. */
  static final class ServerHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
    /** Every method gets a problem body, not only GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected boolean generateAcceptableResponse(
        Request request,
        Response response,
        Callback callback,
        String contentType,
        List<Charset> charsets,
        int code,
        @Nullable String message,
        @Nullable Throwable cause) {
      return writeProblem(response, callback, code);
    }
  }

  /** For the servlet context Javalin runs in. */
  static final class ContextHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected boolean generateAcceptableResponse(
        Request request,
        Response response,
        Callback callback,
        String contentType,
        List<Charset> charsets,
        int code,
        @Nullable String message,
        @Nullable Throwable cause) {
      return writeProblem(response, callback, code);
    }
  }
}

package dev.sportello.adapter.rest;

import dev.sportello.adapter.rest.Views.ProblemView;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase;
import dev.sportello.application.port.in.WebhookEndpointUseCase;
import dev.sportello.application.service.UseCases;
import dev.sportello.domain.catalog.Certificate;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.Endpoint;
import io.javalin.util.JavalinException;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST adapter: the HTTP API under {@code /api/v1}, the upstream webhook receiver, health,
 * metrics and the API documentation, served by Javalin on virtual threads. Create it, {@link
 * #start()} it, and {@link #stop()} it when done.
 */
public final class RestAdapter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestAdapter.class);
  private static final String ROUTE_ATTRIBUTE = "sportello.route";
  private static final int MAX_INSTANCE_LENGTH = 256;

  private final Javalin app;
  private final ExecutorService background;
  private final List<Route> routes;
  private final Duration stopTimeout;

  private RestAdapter(
      RestUseCases useCases,
      Option<WebhookApi.Ports> webhooks,
      RestSettings settings,
      Consumer<JavalinConfig> alongside) {
    this.background = Executors.newVirtualThreadPerTaskExecutor();
    this.stopTimeout = settings.stopTimeout();
    ApiKeys keys = new ApiKeys(settings.apiKeys());
    Bodies bodies = new Bodies(settings.maxBodyBytes());
    Api api = new Api(useCases, bodies);
    Operations operations = new Operations(useCases, settings, background);
    this.routes =
        api.routes()
            .appendAll(new WebhookApi(webhooks, bodies).routes())
            .appendAll(operations.routes());
    this.app =
        Javalin.create(config -> {
          configure(config, settings, keys, bodies);
          alongside.accept(config);
        });
  }

  /**
   * Builds the adapter over the application's use cases; nothing listens until {@link #start()}.
   *
   * @param useCases the application's use cases
   * @param settings how and where to serve
   * @return the adapter, not listening yet
   */
  public static RestAdapter create(UseCases useCases, RestSettings settings) {
    return create(RestUseCases.of(useCases), settings);
  }

  /**
   * Builds the adapter and serves other pages beside the API on the same server, such as a web
   * console; nothing listens until {@link #start()}.
   *
   * @param useCases the application's use cases
   * @param settings how and where to serve
   * @param alongside adds the other pages' routes to the server's configuration. It runs after the
   *     API's, so that its error handlers run after the API's and may answer in their place on the
   *     pages' own addresses; it must not set exception handlers, which would replace the API's
   *     (the pages handle their own failures). The API's request observer labels their requests by
   *     their route templates, never by their addresses
   * @return the adapter, not listening yet
   */
  public static RestAdapter create(
      UseCases useCases, RestSettings settings, Consumer<JavalinConfig> alongside) {
    return new RestAdapter(RestUseCases.of(useCases), Option.none(), settings, alongside);
  }

  /**
   * Builds the adapter with the callers' outbound webhooks ({@code /api/v1/webhook-endpoint} and
   * {@code /api/v1/webhook-deliveries}) and other pages beside the API, as {@link #create(UseCases,
   * RestSettings, Consumer)} does. Without them, those routes answer 501 {@code
   * webhooks_unavailable}.
   *
   * @param useCases the application's use cases
   * @param endpoints registers, reads, removes a caller's endpoint and rotates its secret
   * @param deliveries reads a caller's delivery log and replays a delivery
   * @param settings how and where to serve
   * @param alongside adds the other pages' routes to the server's configuration, as for {@link
   *     #create(UseCases, RestSettings, Consumer)}
   * @return the adapter, not listening yet
   */
  public static RestAdapter create(
      UseCases useCases,
      WebhookEndpointUseCase endpoints,
      WebhookDeliveriesUseCase deliveries,
      RestSettings settings,
      Consumer<JavalinConfig> alongside) {
    return new RestAdapter(
        RestUseCases.of(useCases),
        Option.some(new WebhookApi.Ports(endpoints, deliveries)),
        settings,
        alongside);
  }

  /**
   * Reads a certificate from the JSON that {@code GET /api/v1/certificates/{id}} answers, so that a
   * description saved from this API can be used offline, such as to check submissions against it.
   * The form is read again from its fields (their {@code kind}) and its {@code publishedRule}.
   *
   * @param json the answer's text
   * @return empty when the text is not such an answer (it has no {@code fields} and {@code
   *     publishedRule}); otherwise the certificate, or why it cannot be read, in one line
   */
  public static Option<Either<String, Certificate>> readCertificate(String json) {
    return CertificateDetails.read(json);
  }

  /** Over any inbound ports, such as test doubles. */
  static RestAdapter create(RestUseCases useCases, RestSettings settings) {
    return new RestAdapter(useCases, Option.none(), settings, config -> {});
  }

  /** Over any inbound ports with webhooks, such as test doubles. */
  static RestAdapter create(
      RestUseCases useCases, WebhookApi.Ports webhooks, RestSettings settings) {
    return new RestAdapter(useCases, Option.some(webhooks), settings, config -> {});
  }

  /**
   * Starts listening on the configured host and port.
   *
   * @return this adapter, listening
   */
  public RestAdapter start() {
    app.start();
    LOG.info("REST API listening on port {}", app.port());
    return this;
  }

  /**
   * The port it listens on, once started (useful with port 0).
   *
   * @return the port, the one picked when the settings asked for 0
   */
  public int port() {
    return app.port();
  }

  /**
   * Stops listening, lets requests in flight finish for up to the configured stop timeout, and ends
   * background work.
   */
  public void stop() {
    try {
      app.stop();
    } catch (JavalinException failure) {
      // Jetty stops the server all the same, and then reports that the wait ran out.
      if (!(failure.getCause() instanceof TimeoutException)) {
        throw failure;
      }
      LOG.warn("stopped with requests still in flight after {}", stopTimeout);
    } finally {
      background.shutdownNow();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Every route, for the contract tests. */
  List<Route> routes() {
    return routes;
  }

  private void configure(JavalinConfig config, RestSettings settings, ApiKeys keys, Bodies bodies) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    config.jsonMapper(new JavalinJackson3(Json.MAPPER, true));
    config.http.maxRequestSize = settings.maxBodyBytes();
    config.http.prefer405over404 = true;
    config.jetty.host = settings.host();
    config.jetty.port = settings.port();
    config.staticFiles.enableWebjars();
    config.jetty.modifyServer(server -> {
      server.setErrorHandler(new JettyProblems.ServerHandler());
      // Counts the requests in flight so that stopping can wait for them.
      server.insertHandler(new GracefulHandler());
      server.setStopTimeout(settings.stopTimeout().toMillis());
    });
    config.jetty.modifyServletContextHandler(
        context -> context.setErrorHandler(new JettyProblems.ContextHandler()));

    config.requestLogger.http((ctx, millis) ->
        settings
            .httpObserver()
            .answered(
                ctx.req().getMethod(),
                routeLabel(ctx),
                ctx.statusCode(),
                Duration.ofNanos(Math.round(millis * 1_000_000.0))));

    config.routes.before(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      if (ctx.path().startsWith(Api.BASE + "/")) {
        ctx.header("Cache-Control", "no-store");
      }
      if (!percentDecodable(ctx.req().getRequestURI())) {
        throw Problem.invalid(
                "path", "malformed_path", "the address has a '%' that starts no escape")
            .raise();
      }
    });
    for (Route route : routes) {
      config.routes.addHttpHandler(
          HandlerType.findOrCreate(route.method()),
          route.javalinPath(),
          ctx -> {
            ctx.attribute(ROUTE_ATTRIBUTE, route.path());
            try {
              String caller = route.authenticated() ? keys.authenticate(ctx) : "";
              route.action().handle(ctx, caller);
            } finally {
              // A body left unread would make the server close the connection under the client.
              bodies.discard(ctx);
            }
          });
    }

    config.routes.exception(
        Problem.ApiProblem.class, (problem, ctx) -> write(ctx, problem.problem()));
    config.routes.exception(
        HttpResponseException.class, (failure, ctx) -> write(ctx, fromHttp(failure.getStatus())));
    config.routes.exception(
        Exception.class,
        (failure, ctx) -> {
          LOG.error(
              "unexpected {} on {} {} at {}",
              failure.getClass().getName(),
              ctx.method(),
              route(ctx),
              Arrays.stream(failure.getStackTrace())
                  .limit(8)
                  .map(StackTraceElement::toString)
                  .collect(Collectors.joining(" < ")));
          write(
              ctx,
              Problem.of(
                  500, "internal_error", "Internal error", "the request could not be handled"));
        });
    config.routes.error(
        404,
        ctx -> {
          if (!isProblem(ctx)) {
            write(ctx, fromHttp(404));
          }
        });
    config.routes.error(
        405,
        ctx -> {
          if (!isProblem(ctx)) {
            write(ctx, fromHttp(405));
          }
        });
  }

  /**
   * Javalin decodes path parameters from the raw address and fails on a stray {@code %}, which
   * Jetty lets through after a {@code ;}; such an address is refused before it reaches a route.
   */
  private static boolean percentDecodable(String rawPath) {
    try {
      URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
      return true;
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.MEDIA_TYPE);
  }

  /** Problems for what Javalin itself refuses. */
  private static Problem fromHttp(int status) {
    return switch (status) {
      case 404 -> Problem.notFound("there is nothing at this address");
      case 405 ->
          Problem.of(
              405,
              "method_not_allowed",
              "Method not allowed",
              "this address does not accept this method");
      case 413 ->
          Problem.of(
              413, "content_too_large", "The body is too large", "the body exceeds the size limit");
      case 415 ->
          Problem.of(
              415,
              "unsupported_media_type",
              "Unsupported media type",
              "send the body as application/json");
      case 400 ->
          Problem.invalid("request", "malformed_request", "the request could not be understood");
      default ->
          status >= 400 && status < 500
              ? Problem.of(
                  status, "bad_request", "Bad request", "the request could not be understood")
              : Problem.of(
                  500, "internal_error", "Internal error", "the request could not be handled");
    };
  }

  private static void write(Context ctx, Problem problem) {
    if (!ctx.res().isCommitted()) {
      ctx.res().reset();
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
    problem.headers().forEach((name, value) -> ctx.header(name, value));
    ctx.status(problem.status());
    ctx.contentType(Problem.MEDIA_TYPE);
    ctx.result(Json.MAPPER.writeValueAsString(ProblemView.of(problem, instance(ctx))));
  }

  /**
   * The address the problem is about. An engine's webhook address may hold its token, so whatever
   * the method or status, such a route is shown as its template, and any address that names a
   * webhook in any spelling and matched no route of the API as the webhooks' base.
   */
  private static String instance(Context ctx) {
    String route = ctx.attribute(ROUTE_ATTRIBUTE);
    String path = ctx.path();
    if (route != null && Operations.WEBHOOKS.contains(route)) {
      return route;
    }
    // The callers' own webhook routes hold no token; any other path naming a webhook is masked.
    if (route != null
        && (route.startsWith(WebhookApi.ENDPOINT) || route.startsWith(WebhookApi.DELIVERIES))) {
      return path.length() > MAX_INSTANCE_LENGTH ? path.substring(0, MAX_INSTANCE_LENGTH) : path;
    }
    if (namesAWebhook(path)) {
      return Operations.WEBHOOKS_BASE;
    }
    return path.length() > MAX_INSTANCE_LENGTH ? path.substring(0, MAX_INSTANCE_LENGTH) : path;
  }

  private static boolean namesAWebhook(String path) {
    String spelled;
    try {
      spelled = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      spelled = path;
    }
    return spelled.toLowerCase(Locale.ROOT).contains("webhook");
  }

  /** The route for metrics: never the address, which holds identifiers and tokens. */
  private static String routeLabel(Context ctx) {
    String route = ctx.attribute(ROUTE_ATTRIBUTE);
    if (route != null) {
      return route;
    }
    if (ctx.path().startsWith("/webjars/")) {
      return RestSettings.STATIC_FILES;
    }
    // A route of the pages served alongside, by its template.
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? RestSettings.UNMATCHED : matched.path;
  }

  private static String route(Context ctx) {
    String route = ctx.attribute(ROUTE_ATTRIBUTE);
    return route == null ? "(no route)" : route;
  }
}

package dev.sportello.adapter.rest;

import dev.sportello.adapter.rest.Views.HealthView;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.domain.request.CertificateRequest;
import io.javalin.http.Context;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes around the API: the webhook receiver, health, metrics, the OpenAPI document and the
 * Swagger UI page.
 */
final class Operations {
  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

  static final String OPENAPI_RESOURCE = "/dev/sportello/adapter/rest/openapi.yaml";
  static final String VISENGINE_WEBHOOK = "/webhooks/visengine/{token}";
  static final String DOCUENGINE_WEBHOOK = "/webhooks/docuengine";

  /** DocuEngine sends back the custom headers registered with a callback: this one holds ours. */
  static final String TOKEN_HEADER = "X-Sportello-Token";

  /** Every webhook route: an address under {@code /webhooks} may hold a token. */
  static final List<String> WEBHOOKS = List.of(VISENGINE_WEBHOOK, DOCUENGINE_WEBHOOK);

  /** Where every webhook lives; what a problem names when no webhook route matched. */
  static final String WEBHOOKS_BASE = "/webhooks";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /**
   * What a webhook token can look like: an id, a dot, a URL-safe MAC. Anything else names nothing.
   */
  private static final Pattern TOKEN_SHAPE =
      Pattern.compile("[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9_-]{1,128}");

  private final RestUseCases useCases;
  private final RestSettings settings;
  private final ExecutorService background;
  private final byte[] openApi;
  private final Option<String> swaggerUiVersion;

  Operations(RestUseCases useCases, RestSettings settings, ExecutorService background) {
    this.useCases = useCases;
    this.settings = settings;
    this.background = background;
    this.openApi = resource(OPENAPI_RESOURCE);
    this.swaggerUiVersion = swaggerUiVersion();
  }

  List<Route> routes() {
    return List.of(
        new Route(
            "POST",
            VISENGINE_WEBHOOK,
            false,
            (ctx, caller) -> followUp(ctx, ctx.pathParam("token"))),
        new Route(
            "POST",
            DOCUENGINE_WEBHOOK,
            false,
            (ctx, caller) -> followUp(ctx, Option.of(ctx.header(TOKEN_HEADER)).getOrElse(""))),
        new Route("GET", "/health/live", false, this::live),
        new Route("GET", "/health/ready", false, this::ready),
        new Route("GET", "/metrics", false, this::metrics),
        new Route("GET", Api.BASE + "/openapi.yaml", false, this::openApi),
        new Route("GET", "/docs", false, this::docs));
  }

  /**
   * A notification is a hint, whichever engine sends it: its body is never read. The token, in the
   * address (Visengine) or in a header (DocuEngine), names a request, which the use case re-reads
   * from its engine. A token that names nothing gets 404 and changes nothing; otherwise the answer
   * is 202 as soon as the handling is done or the wait is over, whichever comes first.
   */
  private void followUp(Context ctx, String token) throws InterruptedException {
    if (!TOKEN_SHAPE.matcher(token).matches()) {
      throw unknownToken();
    }
    Future<Either<UseCaseError, CertificateRequest>> handled =
        background.submit(() -> useCases.handleNotification().handle(token));
    Either<UseCaseError, CertificateRequest> result;
    try {
      result = handled.get(settings.webhookWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      ctx.status(202);
      return;
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      LOG.warn(
          "handling an upstream notification failed: {}",
          cause == null ? "unknown" : cause.getClass().getName());
      ctx.status(202);
      return;
    }
    if (result.isLeft() && result.getLeft() instanceof UseCaseError.NotFound) {
      throw unknownToken();
    }
    if (result.isLeft()) {
      LOG.info("an upstream notification could not be followed up now; the sync cycle will");
    }
    ctx.status(202);
  }

  private static Problem.ApiProblem unknownToken() {
    return Problem.notFound("no request is waiting for this notification").raise();
  }

  private void live(Context ctx, String caller) {
    ctx.json(new HealthView("UP", Map.of(), Map.of()));
  }

  private void ready(Context ctx, String caller) {
    CompletableFuture<Boolean> store = probe(settings.storeReachable());
    CompletableFuture<Boolean> upstream = probe(settings.upstreamReachable());
    CompletableFuture<Map<String, String>> details =
        CompletableFuture.supplyAsync(
            () -> settings.readinessDetails().get().toJavaMap(), background);
    boolean storeUp = outcome(store);
    boolean upstreamUp = outcome(upstream);
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("store", storeUp ? "UP" : "DOWN");
    checks.put("upstream", upstreamUp ? "UP" : "DOWN");
    boolean up = storeUp && upstreamUp;
    ctx.status(up ? 200 : 503);
    ctx.json(
        new HealthView(
            up ? "UP" : "DOWN", checks, new TreeMap<>(answer(details).getOrElse(Map.of()))));
  }

  private CompletableFuture<Boolean> probe(BooleanSupplier probe) {
    return CompletableFuture.supplyAsync(probe::getAsBoolean, background);
  }

  private static boolean outcome(CompletableFuture<Boolean> probe) {
    return answer(probe).getOrElse(false);
  }

  /** The probe's answer within the probe timeout; none when it failed or took longer. */
  private static <T> Option<T> answer(CompletableFuture<T> probe) {
    try {
      return Option.of(probe.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Option.none();
    } catch (ExecutionException | TimeoutException failed) {
      probe.cancel(true);
      return Option.none();
    }
  }

  private void metrics(Context ctx, String caller) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(settings.metrics().get());
  }

  private void openApi(Context ctx, String caller) {
    ctx.contentType("application/yaml");
    ctx.result(openApi);
  }

  private void docs(Context ctx, String caller) {
    if (swaggerUiVersion.isEmpty()) {
      throw Problem.notFound("the Swagger UI is not installed").raise();
    }
    String assets = "/webjars/swagger-ui/" + swaggerUiVersion.get();
    ctx.html(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Sportello API</title>
          <link rel="stylesheet" href="%1$s/swagger-ui.css">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%1$s/swagger-ui-bundle.js"></script>
          <script>
            window.onload = () => {
              window.ui = SwaggerUIBundle({url: "%2$s/openapi.yaml", dom_id: "#swagger-ui"});
            };
          </script>
        </body>
        </html>
        """
            .formatted(assets, Api.BASE));
  }

  static byte[] resource(String name) {
    try (InputStream in = Operations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static Option<String> swaggerUiVersion() {
    try (InputStream in =
        Operations.class.getResourceAsStream(
            "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        return Option.none();
      }
      Properties properties = new Properties();
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return Option.of(properties.getProperty("version"));
    } catch (IOException unreadable) {
      return Option.none();
    }
  }
}

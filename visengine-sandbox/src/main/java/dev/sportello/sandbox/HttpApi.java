package dev.sportello.sandbox;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.EndpointNotFound;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * The sandbox's HTTP surface on Javalin: Visengine's paths and methods (DocuEngine's are added by
 * {@link DocuEngineApi}, the OAuth service's by {@link OAuthApi}; the sets do not overlap), bearer
 * tokens and their scopes, the envelope on every answer (unknown routes included) and the faults
 * armed through the control API. The behaviour itself lives in {@link Simulator} and {@link
 * DocuEngineSimulator}.
 */
final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  static final String AUTHORIZATION = "Authorization";

  /** Inline files make bodies large; the vendor documents no limit. */
  private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

  /**
   * One API call: its path parameters, its query string as received (still percent-encoded), its
   * body (read leniently as JSON), the scheme and host ({@code name:port}) it was addressed to and
   * whether it carried an {@code Authorization} header.
   */
  record Call(
      Map<String, String> pathParams,
      String rawQuery,
      ObjectNode body,
      String scheme,
      String host,
      boolean carriesAuthorization) {

    static Call of(Context ctx) {
      String host = ctx.host();
      String rawQuery = ctx.queryString();
      return new Call(
          ctx.pathParamMap(),
          rawQuery == null ? "" : rawQuery,
          Json.parseBody(ctx.bodyAsBytes()),
          ctx.scheme(),
          host == null ? SandboxSettings.LOOPBACK + ":" + ctx.port() : host,
          ctx.header(AUTHORIZATION) != null);
    }

    /** The host name the call was addressed to, without its port. */
    String hostName() {
      int colon = host.lastIndexOf(':');
      return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    String id() {
      return param("id");
    }

    String param(String name) {
      return pathParams.getOrDefault(name, "");
    }
  }

  @FunctionalInterface
  interface Endpoint {
    Reply handle(Call call);
  }

  /** The host of Visengine's test environment, which the sandbox plays, in scopes. */
  static final String VISENGINE_HOST = "test.visengine2.altravia.com";

  /** Visengine's routes. */
  private static final List<String> VISENGINE_ROUTES =
      List.of(
          "GET /visure",
          "GET /visure/{hash}",
          "GET /richiesta",
          "POST /richiesta",
          "GET /richiesta/{id}",
          "POST /richiesta/{id}",
          "PUT /richiesta",
          "PUT /richiesta/{id}",
          "PUT /richiesta/{id}/ricerche",
          "DELETE /richiesta/{id}",
          "GET /documento",
          "GET /documento/{id}");

  /** The API routes of both engines, which are also the names faults are armed with. */
  static final List<String> ROUTES =
      Stream.concat(VISENGINE_ROUTES.stream(), DocuEngineApi.ROUTES.stream()).toList();

  /** The scope each API route of either engine needs: one per method and first path segment. */
  private static final Map<String, Scope> SCOPE_OF_ROUTE = scopesOfRoutes();

  /** Every scope the engines' routes need, which the OAuth service offers. */
  static final List<Scope> SCOPES = SCOPE_OF_ROUTE.values().stream().distinct().toList();

  private final Simulator simulator;
  private final Faults faults;
  private final CallsInFlight inFlight;
  private final Tokens tokens;
  private final IntFunction<Reply> injectedFailure;

  private HttpApi(
      Simulator simulator,
      Faults faults,
      CallsInFlight inFlight,
      Tokens tokens,
      IntFunction<Reply> injectedFailure) {
    this.simulator = simulator;
    this.faults = faults;
    this.inFlight = inFlight;
    this.tokens = tokens;
    this.injectedFailure = injectedFailure;
  }

  private static Map<String, Scope> scopesOfRoutes() {
    Map<String, Scope> scopes = new LinkedHashMap<>();
    VISENGINE_ROUTES.forEach(route -> scopes.put(route, Scope.ofRoute(VISENGINE_HOST, route)));
    DocuEngineApi.API_ROUTES.forEach(
        route -> scopes.put(route, Scope.ofRoute(DocuEngineApi.HOST, route)));
    return scopes;
  }

  /**
   * Both engines' APIs, the OAuth service (and the control API when enabled); DocuEngine's download
   * URLs point at the storage listening on {@code storagePort}.
   */
  static Javalin create(
      Simulator simulator,
      DocuEngineApi docuEngine,
      int storagePort,
      Operators operators,
      Wallet wallet,
      Faults faults,
      CallsInFlight inFlight,
      CallbackDispatcher callbacks,
      Tokens tokens,
      OAuthApi oauth,
      boolean controlApi) {
    HttpApi api =
        new HttpApi(
            simulator,
            faults,
            inFlight,
            tokens,
            status ->
                new Reply.Body(status, Envelope.failure("sandbox: injected failure", status)));
    return Javalin.create(config -> {
      configure(config);
      api.registerVisengine(config);
      docuEngine.register(api, config, storagePort);
      oauth.register(config);
      if (controlApi) {
        new ControlApi(
                simulator, docuEngine.simulator(), operators, wallet, faults, callbacks, tokens)
            .register(config, ctx -> tokens.refusalForControl(ctx.header(AUTHORIZATION)));
      }
      config.routes.exception(
          EndpointNotFound.class,
          (notFound, ctx) -> writeBody(ctx, Reply.error(ApiError.NO_SUCH_ROUTE.error())));
    });
  }

  /**
   * The storage DocuEngine's files are downloaded from, a separate origin that knows no bearer
   * token and answers (injected failures included) in its own XML.
   */
  static Javalin createStorage(
      Simulator simulator,
      DocuEngineApi docuEngine,
      Faults faults,
      CallsInFlight inFlight,
      Tokens tokens) {
    HttpApi api =
        new HttpApi(
            simulator,
            faults,
            inFlight,
            tokens,
            status -> SignedStorage.injectedFailure(status).reply());
    return Javalin.create(config -> {
      configure(config);
      docuEngine.registerStorage(api, config);
      config.routes.exception(
          EndpointNotFound.class,
          (notFound, ctx) -> {
            SignedStorage.Refusal missing = SignedStorage.noSuchKey();
            ctx.status(missing.status()).contentType(SignedStorage.XML).result(missing.xml());
          });
    });
  }

  private static void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.concurrency.useVirtualThreads = true;
    config.http.compressionStrategy = CompressionStrategy.NONE;
    config.http.maxRequestSize = MAX_BODY_BYTES;
    config.jsonMapper(new JavalinJackson3(Json.MAPPER, true));
  }

  private void registerVisengine(JavalinConfig config) {
    route(config, "GET /visure", call -> Reply.ok(Envelope.success(catalogue())));
    route(config, "GET /visure/{hash}", call -> Reply.ok(description(call.param("hash"))));
    route(config, "GET /richiesta", call -> Reply.ok(Envelope.success(simulator.list())));
    route(
        config,
        "POST /richiesta",
        call -> {
          Simulator.Created created = simulator.create(call.body());
          return Reply.ok(Envelope.success(created.richiesta(), created.message()));
        });
    route(
        config,
        "GET /richiesta/{id}",
        call -> Reply.ok(Envelope.success(simulator.get(call.id()))));
    route(
        config,
        "POST /richiesta/{id}",
        call -> Reply.ok(Envelope.success(simulator.addSearch(call.id(), call.body()))));
    route(config, "PUT /richiesta", call -> Reply.error(ApiError.UPDATE_ID_REQUIRED.error()));
    route(
        config,
        "PUT /richiesta/{id}",
        call -> Reply.ok(Envelope.success(simulator.update(call.id(), call.body()))));
    route(
        config,
        "PUT /richiesta/{id}/ricerche",
        call -> Reply.ok(Envelope.success(simulator.choose(call.id(), call.body()))));
    route(
        config,
        "DELETE /richiesta/{id}",
        call -> Reply.ok(Envelope.success(simulator.cancel(call.id(), call.body()))));
    route(config, "GET /documento", call -> Reply.error(ApiError.DOCUMENT_ID_REQUIRED.error()));
    route(
        config,
        "GET /documento/{id}",
        call -> new Reply.Document(DocumentArchive.of(simulator.document(call.id()))));
  }

  private ArrayNode catalogue() {
    ArrayNode list = Json.NODES.arrayNode();
    for (Product product : simulator.catalogue().products()) {
      ObjectNode entry = list.addObject();
      entry.put("nome_visura", product.name());
      entry.put("nome_categoria", product.category());
      entry.put("hash_visura", product.hash());
    }
    return list;
  }

  /** The product's published text goes out verbatim, duplicate keys and all. */
  private ObjectNode description(String hash) {
    Product product = simulator.product(hash);
    ObjectNode envelope = Envelope.success(Json.NODES.nullNode());
    envelope.putRawValue("data", new RawValue(product.servedJson()));
    return envelope;
  }

  /** An API route behind a bearer token that has the route's scope. */
  void route(JavalinConfig config, String route, Endpoint endpoint) {
    Scope needed = SCOPE_OF_ROUTE.get(route);
    if (needed == null) {
      throw new IllegalStateException("no scope for the route " + route);
    }
    addRoute(config, route, needed, endpoint);
  }

  /** A route that takes no bearer token (signed storage URLs), faults applying all the same. */
  void unauthenticatedRoute(JavalinConfig config, String route, Endpoint endpoint) {
    addRoute(config, route, null, endpoint);
  }

  private void addRoute(
      JavalinConfig config, String route, @Nullable Scope needed, Endpoint endpoint) {
    String[] methodAndPath = route.split(" ", 2);
    config.routes.addHttpHandler(
        HandlerType.findOrCreate(methodAndPath[0]),
        methodAndPath[1],
        ctx -> serveApiCall(ctx, route, needed, endpoint));
  }

  private void serveApiCall(Context ctx, String route, @Nullable Scope needed, Endpoint endpoint)
      throws IOException {
    inFlight.started();
    try {
      serveFaultsAndCall(ctx, route, needed, endpoint);
    } finally {
      inFlight.ended();
    }
  }

  private void serveFaultsAndCall(
      Context ctx, String route, @Nullable Scope needed, Endpoint endpoint) throws IOException {
    if (needed != null) {
      Optional<ApiRefusal> refusal = tokens.refusalFor(ctx.header(AUTHORIZATION), needed);
      if (refusal.isPresent()) {
        send(ctx, route, Reply.error(refusal.get()));
        return;
      }
    }
    boolean drop = false;
    boolean corrupt = false;
    boolean truncate = false;
    for (Faults.Fault fault : faults.take(route)) {
      switch (fault) {
        case Faults.Fault.Delay delay -> pause(delay);
        case Faults.Fault.Failure failure -> {
          LOG.info("{} -> {} (injected failure)", route, failure.status());
          write(ctx, injectedFailure.apply(failure.status()));
          return;
        }
        case Faults.Fault.Drop dropped -> drop = true;
        case Faults.Fault.Corrupt corrupted -> corrupt = true;
        case Faults.Fault.Truncate truncated -> truncate = true;
      }
    }
    Reply reply = handle(endpoint, Call.of(ctx));
    if (drop) {
      LOG.info("{} handled, response dropped (injected)", route);
      closeConnection(ctx);
      return;
    }
    if (reply instanceof Reply.Raw file && file.status() == 200) {
      Reply.Raw served = corrupt ? file.corrupted() : file;
      if (truncate) {
        LOG.info("{} handled, file cut short (injected)", route);
        write(ctx, served.truncated());
        closeConnection(ctx);
        return;
      }
      reply = served;
    }
    send(ctx, route, reply);
  }

  private static void closeConnection(Context ctx) {
    ServletContextRequest.getServletContextRequest(ctx.req())
        .getServletChannel()
        .getEndPoint()
        .close();
  }

  static Reply handle(Endpoint endpoint, Call call) {
    try {
      return endpoint.handle(call);
    } catch (ApiRefusal refused) {
      return Reply.error(refused);
    } catch (RuntimeException bug) {
      LOG.error("Sandbox failure", bug);
      return Reply.error(ApiError.INTERNAL.error());
    }
  }

  private static void send(Context ctx, String route, Reply reply) throws IOException {
    write(ctx, reply);
    LOG.debug("{} -> {}", route, ctx.statusCode());
  }

  static void write(Context ctx, Reply reply) throws IOException {
    switch (reply) {
      case Reply.Body body -> writeBody(ctx, body);
      case Reply.Document document -> {
        ctx.status(200).contentType("application/json");
        document.archive().writeEnvelope(ctx.outputStream());
      }
      case Reply.Raw raw -> {
        ctx.status(raw.status()).contentType(raw.contentType());
        raw.headers().forEach(ctx::header);
        ctx.header("Content-Length", Long.toString(raw.length()));
        // The servlet's own stream: flushing it puts the bytes on the wire at once, which a file
        // cut short by a fault needs before its connection is closed.
        OutputStream out = ctx.res().getOutputStream();
        raw.content().writeTo(out);
        out.flush();
      }
    }
  }

  private static void writeBody(Context ctx, Reply.Body body) {
    ctx.status(body.status())
        .contentType("application/json")
        .result(Json.write(body.envelope()).getBytes(StandardCharsets.UTF_8));
  }

  private static void pause(Faults.Fault.Delay delay) {
    try {
      Thread.sleep(delay.delay());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

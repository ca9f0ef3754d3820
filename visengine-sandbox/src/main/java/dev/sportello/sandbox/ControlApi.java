package dev.sportello.sandbox;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's own control API under {@value #PREFIX}, present only when enabled: fault injection,
 * the wallet, the clock, scripted outcomes, document sizes, charge counts and callback attempts,
 * for Visengine and DocuEngine requests alike (a request id says which engine it belongs to), and
 * DocuEngine documents' availability, and minted tokens' expiry. The engines' bearer tokens, any
 * scopes, and the same envelope.
 */
final class ControlApi {

  static final String PREFIX = "/_sandbox";

  /** Larger documents would need ZIP64; nobody needs them from a sandbox. */
  private static final long MAX_DOCUMENT_BYTES = 2_000_000_000L;

  private final Simulator simulator;
  private final DocuEngineSimulator docuEngine;
  private final Operators operators;
  private final Wallet wallet;
  private final Faults faults;
  private final CallbackDispatcher callbacks;
  private final Tokens tokens;

  ControlApi(
      Simulator simulator,
      DocuEngineSimulator docuEngine,
      Operators operators,
      Wallet wallet,
      Faults faults,
      CallbackDispatcher callbacks,
      Tokens tokens) {
    this.simulator = simulator;
    this.docuEngine = docuEngine;
    this.operators = operators;
    this.wallet = wallet;
    this.faults = faults;
    this.callbacks = callbacks;
    this.tokens = tokens;
  }

  void register(JavalinConfig config, Function<Context, Optional<ApiRefusal>> refusalOf) {
    route(config, refusalOf, HandlerType.GET, "/faults", call -> Envelope.success(faults.toJson()));
    route(config, refusalOf, HandlerType.POST, "/faults", this::armFault);
    route(
        config,
        refusalOf,
        HandlerType.DELETE,
        "/faults",
        call -> {
          faults.clear();
          return Envelope.success(faults.toJson());
        });
    route(config, refusalOf, HandlerType.GET, "/wallet", call -> wallet());
    route(config, refusalOf, HandlerType.PUT, "/wallet", this::setWallet);
    route(config, refusalOf, HandlerType.POST, "/clock/advance", this::advanceClock);
    route(config, refusalOf, HandlerType.GET, "/requests/{id}/charges", this::charges);
    route(config, refusalOf, HandlerType.POST, "/requests/{id}/outcome", this::outcome);
    route(config, refusalOf, HandlerType.POST, "/requests/{id}/document", this::documentSize);
    route(config, refusalOf, HandlerType.PUT, "/documents/{id}", this::documentAvailability);
    route(
        config,
        refusalOf,
        HandlerType.GET,
        "/callbacks",
        call -> Envelope.success(callbacks.attemptsJson()));
    route(
        config,
        refusalOf,
        HandlerType.POST,
        "/tokens/{token}/expire",
        call -> Envelope.success(tokens.expireNow(call.param("token")).toJson()));
  }

  @FunctionalInterface
  private interface ControlEndpoint {
    ObjectNode handle(HttpApi.Call call);
  }

  private static void route(
      JavalinConfig config,
      Function<Context, Optional<ApiRefusal>> refusalOf,
      HandlerType method,
      String path,
      ControlEndpoint endpoint) {
    config.routes.addHttpHandler(method, PREFIX + path, ctx -> serve(ctx, refusalOf, endpoint));
  }

  private static void serve(
      Context ctx, Function<Context, Optional<ApiRefusal>> refusalOf, ControlEndpoint endpoint)
      throws IOException {
    Optional<ApiRefusal> refusal = refusalOf.apply(ctx);
    if (refusal.isPresent()) {
      HttpApi.write(ctx, Reply.error(refusal.get()));
      return;
    }
    HttpApi.Call call = HttpApi.Call.of(ctx);
    HttpApi.write(ctx, HttpApi.handle(c -> Reply.ok(endpoint.handle(c)), call));
  }

  /** {@code {route, type: fail|delay|drop|corrupt|truncate, times?, status?, millis?}}. */
  private ObjectNode armFault(HttpApi.Call call) {
    ObjectNode body = call.body();
    String route = Json.text(body, "route").orElse(Faults.ANY_ROUTE).strip();
    if (!route.equals(Faults.ANY_ROUTE) && !HttpApi.ROUTES.contains(route)) {
      throw ApiError.BAD_CONTROL_CALL.error("route must be * or one of " + HttpApi.ROUTES);
    }
    int times = Json.integer(body, "times").orElse(1);
    if (times < 0) {
      throw ApiError.BAD_CONTROL_CALL.error("times must be >= 0 (0 = until cleared)");
    }
    String type = Json.text(body, "type").orElse("").strip().toLowerCase(Locale.ROOT);
    Faults.Fault fault =
        switch (type) {
          case "fail" -> {
            int status = Json.integer(body, "status").orElse(500);
            if (status < 400 || status > 599) {
              throw ApiError.BAD_CONTROL_CALL.error("status must be 400-599");
            }
            yield new Faults.Fault.Failure(status);
          }
          case "delay" -> {
            int millis = Json.integer(body, "millis").orElse(-1);
            if (millis < 0) {
              throw ApiError.BAD_CONTROL_CALL.error("millis must be >= 0");
            }
            yield new Faults.Fault.Delay(Duration.ofMillis(millis));
          }
          case "drop" -> new Faults.Fault.Drop();
          case "corrupt", "truncate" -> {
            if (!route.equals(DocuEngineApi.STORAGE_ROUTE)) {
              throw ApiError.BAD_CONTROL_CALL.error(
                  type + " damages downloaded files: route must be " + DocuEngineApi.STORAGE_ROUTE);
            }
            yield type.equals("corrupt") ? new Faults.Fault.Corrupt() : new Faults.Fault.Truncate();
          }
          default ->
              throw ApiError.BAD_CONTROL_CALL.error(
                  "type must be fail, delay, drop, corrupt or truncate");
        };
    faults.arm(route, fault, times);
    return Envelope.success(faults.toJson());
  }

  private ObjectNode wallet() {
    ObjectNode json = Json.object();
    json.set("balance", Json.price(wallet.balance()));
    return Envelope.success(json);
  }

  private ObjectNode setWallet(HttpApi.Call call) {
    JsonNode balance = call.body().path("balance");
    if (!balance.isNumber() || balance.decimalValue().signum() < 0) {
      throw ApiError.BAD_CONTROL_CALL.error("balance must be a number >= 0");
    }
    wallet.setBalance(balance.decimalValue(), operators.now());
    return wallet();
  }

  private ObjectNode advanceClock(HttpApi.Call call) {
    int seconds = Json.integer(call.body(), "seconds").orElse(-1);
    if (seconds < 0) {
      throw ApiError.BAD_CONTROL_CALL.error("seconds must be >= 0");
    }
    operators.advance(Duration.ofSeconds(seconds));
    ObjectNode now = Json.object();
    now.put("now", operators.now().getEpochSecond());
    return Envelope.success(now);
  }

  private ObjectNode charges(HttpApi.Call call) {
    String id = call.id();
    SandboxCharges summary = wallet.summaryOf(id);
    ObjectNode json = Json.object();
    json.put("request_id", id);
    json.put("calls", summary.calls());
    json.set("amount", Json.price(summary.amount()));
    ArrayNode charges = json.putArray("charges");
    for (Wallet.Charge charge : wallet.chargesOf(id)) {
      ObjectNode entry = charges.addObject();
      entry.put("kind", charge.kind().name().toLowerCase(Locale.ROOT));
      entry.set("amount", Json.price(charge.amount()));
      entry.put("at", charge.at().getEpochSecond());
    }
    return Envelope.success(json);
  }

  /**
   * Visengine: {@code {outcome: "annullata", motivo?}} or {@code {outcome: "errore", codice?,
   * info?}}; DocuEngine: {@code {outcome: "cancelled", reason?}}, {@code {outcome: "error"}} or
   * {@code {outcome: "failed"}}.
   */
  private ObjectNode outcome(HttpApi.Call call) {
    ObjectNode body = call.body();
    String outcome = Json.text(body, "outcome").orElse("").strip().toLowerCase(Locale.ROOT);
    if (docuEngine.has(call.id())) {
      ScriptedEnd<DocuState> end =
          switch (outcome) {
            case "cancelled" ->
                new ScriptedEnd.Cancelled<>(
                    Json.text(body, "reason").orElse("Annullata dall'operatore"));
            case "error" -> new ScriptedEnd.Failed<>(DocuState.ERROR);
            case "failed" -> new ScriptedEnd.Failed<>(DocuState.FAILED);
            default ->
                throw ApiError.BAD_CONTROL_CALL.error("outcome must be cancelled, error or failed");
          };
      return Envelope.success(docuEngine.scriptEnd(call.id(), end));
    }
    ScriptedEnd<SandboxRequest.Esito> end =
        switch (outcome) {
          case "annullata" ->
              new ScriptedEnd.Cancelled<>(
                  Json.text(body, "motivo").orElse("Annullata dall'operatore"));
          case "errore" ->
              new ScriptedEnd.Failed<>(
                  new SandboxRequest.Esito(
                      Json.text(body, "codice").orElse("101"),
                      Json.text(body, "info")
                          .orElse("Errore parametro input: KO - dati non corrispondenti")));
          default -> throw ApiError.BAD_CONTROL_CALL.error("outcome must be annullata or errore");
        };
    return Envelope.success(simulator.scriptEnd(call.id(), end));
  }

  /**
   * {@code {size_bytes}}: the ZIP a Visengine request's download returns, or the PDF a DocuEngine
   * request delivers, will be about this large.
   */
  private ObjectNode documentSize(HttpApi.Call call) {
    JsonNode size = call.body().path("size_bytes");
    if (!size.isIntegralNumber() || size.longValue() < 0 || size.longValue() > MAX_DOCUMENT_BYTES) {
      throw ApiError.BAD_CONTROL_CALL.error("size_bytes must be 0-" + MAX_DOCUMENT_BYTES);
    }
    if (docuEngine.has(call.id())) {
      docuEngine.setDocumentSize(call.id(), size.longValue());
    } else {
      simulator.setDocumentSize(call.id(), size.longValue());
    }
    ObjectNode json = Json.object();
    json.put("request_id", call.id());
    json.put("size_bytes", size.longValue());
    return Envelope.success(json);
  }

  /** {@code {available: false}}: new DocuEngine requests for the document answer 417 until true. */
  private ObjectNode documentAvailability(HttpApi.Call call) {
    JsonNode available = call.body().path("available");
    if (!available.isBoolean()) {
      throw ApiError.BAD_CONTROL_CALL.error("available must be true or false");
    }
    docuEngine.setAvailable(call.id(), available.booleanValue());
    ObjectNode json = Json.object();
    json.put("documentId", call.id());
    json.put("available", available.booleanValue());
    return Envelope.success(json);
  }
}

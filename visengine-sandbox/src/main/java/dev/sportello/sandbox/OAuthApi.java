package dev.sportello.sandbox;

import dev.sportello.sandbox.SandboxSettings.Account;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Openapi's OAuth v2 service, on the engines' port (its paths are neither engine's): accounts mint,
 * list and delete their tokens, read the scopes on offer and the wallet's credit. Every route takes
 * HTTP Basic {@code email:apiKey}.
 */
final class OAuthApi {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthApi.class);

  /** A token's lifetime when {@code ttl} is absent, zero or negative, as the vendor's default. */
  static final Duration DEFAULT_TTL = Duration.ofDays(30);

  /** The longest lifetime the vendor grants; a longer {@code ttl} is cut to it. */
  static final Duration MAX_TTL = Duration.ofDays(365);

  /** The longest page of {@code GET /tokens}, and its default. */
  private static final int MAX_PAGE = 100;

  private final Accounts accounts;
  private final Tokens tokens;
  private final Wallet wallet;
  private final Instant walletCreatedAt;

  OAuthApi(Accounts accounts, Tokens tokens, Wallet wallet, Instant walletCreatedAt) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.wallet = wallet;
    this.walletCreatedAt = walletCreatedAt;
  }

  @FunctionalInterface
  private interface AccountEndpoint {
    ObjectNode handle(Account account, HttpApi.Call call);
  }

  void register(JavalinConfig config) {
    route(config, "POST /tokens", this::mint);
    route(config, "GET /tokens", this::list);
    route(
        config,
        "GET /tokens/{token}",
        (account, call) -> detail(account, call.param("token")).toJson()); // bare, as minted
    route(
        config,
        "DELETE /tokens",
        (account, call) -> {
          throw ApiError.TOKEN_ID_REQUIRED.error();
        });
    route(config, "DELETE /tokens/{token}", this::delete);
    route(config, "GET /scopes", (account, call) -> Envelope.success(scopes()));
    route(config, "GET /wallet", (account, call) -> Envelope.success(wallet()));
  }

  private void route(JavalinConfig config, String route, AccountEndpoint endpoint) {
    String[] methodAndPath = route.split(" ", 2);
    config.routes.addHttpHandler(
        HandlerType.findOrCreate(methodAndPath[0]),
        methodAndPath[1],
        ctx -> serve(ctx, route, endpoint));
  }

  private void serve(Context ctx, String route, AccountEndpoint endpoint) throws IOException {
    Optional<Account> account = accounts.authenticate(ctx.header(HttpApi.AUTHORIZATION));
    Reply reply =
        account.isPresent()
            ? HttpApi.handle(
                call -> Reply.ok(endpoint.handle(account.get(), call)), HttpApi.Call.of(ctx))
            : Reply.error(ApiError.BASIC_UNAUTHORIZED.error());
    HttpApi.write(ctx, reply);
    // The route's template only: neither credentials nor tokens reach the log.
    LOG.debug("{} -> {}", route, ctx.statusCode());
  }

  /** {@code {scopes: [...], name?, ttl?}}: a new token with exactly those scopes. */
  private ObjectNode mint(Account account, HttpApi.Call call) {
    ObjectNode body = call.body();
    JsonNode asked = body.path("scopes");
    if (!asked.isArray() || asked.isEmpty()) {
      throw ApiError.MISSING_SCOPES.error();
    }
    List<Scope> scopes = new ArrayList<>();
    for (JsonNode text : asked) {
      Scope scope =
          Optional.of(text)
              .filter(JsonNode::isString)
              .flatMap(string -> Scope.parse(string.stringValue()))
              .orElseThrow(ApiError.INVALID_SCOPES_FORMAT::error);
      if (!scopes.contains(scope)) {
        scopes.add(scope);
      }
    }
    if (scopes.stream().anyMatch(scope -> HttpApi.SCOPES.stream().noneMatch(scope::covers))) {
      throw ApiError.SCOPES_NOT_ENABLED.error();
    }
    String name = Json.text(body, "name").orElse("");
    Tokens.Minted token = tokens.mint(account.email(), scopes, name, ttl(body.path("ttl")));
    return token.toJson(); // a bare TokenDetail, as the vendor's OAS says
  }

  /** Seconds; absent, unreadable, zero or negative means the default, and a year at most. */
  private static Duration ttl(JsonNode ttl) {
    long seconds = ttl.asLong(0);
    if (seconds <= 0) {
      return DEFAULT_TTL;
    }
    return seconds > MAX_TTL.toSeconds() ? MAX_TTL : Duration.ofSeconds(seconds);
  }

  /** {@code ?limit=&skip=}: the account's tokens, newest first. */
  private ObjectNode list(Account account, HttpApi.Call call) {
    long limit = Math.clamp(queryNumber(call.rawQuery(), "limit", MAX_PAGE), 0, MAX_PAGE);
    long skip = Math.max(0, queryNumber(call.rawQuery(), "skip", 0));
    ArrayNode list = Json.NODES.arrayNode();
    tokens.of(account.email(), skip, limit).forEach(token -> list.add(token.toJson()));
    return Envelope.success(list);
  }

  private static long queryNumber(String rawQuery, String name, long absent) {
    for (String pair : rawQuery.split("&", -1)) {
      String[] nameAndValue = pair.split("=", 2);
      if (nameAndValue.length == 2 && nameAndValue[0].equals(name)) {
        try {
          return Long.parseLong(nameAndValue[1]);
        } catch (NumberFormatException notANumber) {
          return absent;
        }
      }
    }
    return absent;
  }

  private Tokens.Minted detail(Account account, String token) {
    if (!ObjectIds.SHAPE.matcher(token).matches()) {
      throw ApiError.INVALID_TOKEN_FORMAT.error();
    }
    return tokens.find(account.email(), token).orElseThrow(ApiError.TOKEN_NOT_FOUND::error);
  }

  private ObjectNode delete(Account account, HttpApi.Call call) {
    if (!tokens.delete(account.email(), call.param("token"))) {
      throw ApiError.TOKEN_NOT_FOUND_ON_DELETE.error();
    }
    return Envelope.success(Json.NODES.nullNode(), "Deleted");
  }

  /** The vendor's UserScope list: every scope the engines' routes need, all enabled. */
  private static ArrayNode scopes() {
    ArrayNode list = Json.NODES.arrayNode();
    for (Scope scope : HttpApi.SCOPES) {
      ObjectNode entry = list.addObject();
      entry.put("id", idOf(scope));
      entry.put("scope", scope.toString());
      entry.put("method", scope.method());
      entry.put("endpoint", scope.segment());
      entry.put("domain", scope.host());
      entry.put("enabled", true);
    }
    return list;
  }

  /** 24 hex digits, the same for a scope on every run. */
  private static String idOf(Scope scope) {
    return HexFormat.of().formatHex(Accounts.sha256(scope.toString()), 0, 12);
  }

  /** The one wallet both engines charge. */
  private ObjectNode wallet() {
    ObjectNode json = Json.object();
    json.set("credit", Json.price(wallet.balance()));
    json.put("createdAt", Json.timestamp(walletCreatedAt));
    json.put("updatedAt", Json.timestamp(wallet.lastChange().orElse(walletCreatedAt)));
    return json;
  }
}

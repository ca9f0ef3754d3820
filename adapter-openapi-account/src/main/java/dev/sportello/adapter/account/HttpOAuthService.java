package dev.sportello.adapter.account;

import dev.sportello.adapter.openapi.Failures;
import dev.sportello.adapter.openapi.OpenapiClients;
import dev.sportello.adapter.openapi.WireValues;
import dev.sportello.application.port.out.RemoteFailure;
import feign.Response;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Openapi's OAuth service (v2) over HTTP, with the account's e-mail address and API key as HTTP
 * Basic credentials. Its error codes add nothing to its statuses: 401 is a wrong e-mail address or
 * API key, 422 a refused scope list (code 90: a scope not enabled on the account), 404 a token that
 * is gone.
 */
final class HttpOAuthService implements OAuthService {
  private static final Failures FAILURES =
      new Failures("oauth", (status, code, message) -> Option.none());

  private final ReadCalls reads;
  private final ChangeCalls changes;

  private HttpOAuthService(ReadCalls reads, ChangeCalls changes) {
    this.reads = reads;
    this.changes = changes;
  }

  static HttpOAuthService create(
      AccountSettings settings, Clock clock, OpenapiClients.Sleeper sleeper) {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    OpenapiClients clients =
        OpenapiClients.withBasicAuth(
            settings, settings.email(), settings.apiKey(), mapper, clock, sleeper);
    return new HttpOAuthService(
        clients.repeating(ReadCalls.class), clients.once(ChangeCalls.class));
  }

  /** A 2xx answer that cannot be read may follow a mint: its outcome is unknown. */
  @Override
  public Either<RemoteFailure, IssuedToken> mint(List<String> scopes, String name, Duration ttl) {
    return FAILURES
        .call(
            "mint a token",
            Failures.Effect.CHANGE,
            () ->
                issued(
                    changes.mint(new Wire.NewToken(scopes.asJava(), name, ttl.toSeconds())).data()))
        .mapLeft(failure ->
            failure instanceof RemoteFailure.Malformed
                ? new RemoteFailure.OutcomeUnknown(
                    "the OAuth service answered a mint without a readable token")
                : failure);
  }

  @Override
  public Option<RemoteFailure> delete(String token) {
    Either<RemoteFailure, Integer> deleted =
        FAILURES.call(
            "delete a token",
            Failures.Effect.CHANGE,
            () -> {
              try (Response answer = changes.delete(token)) {
                return Either.right(answer.status());
              }
            });
    return deleted.swap().toOption();
  }

  @Override
  public Either<RemoteFailure, List<IssuedToken>> tokens() {
    return FAILURES.listing(
        "list the tokens",
        () -> {
          java.util.@Nullable List<Wire.Token> listed = reads.tokens().data();
          return listed == null
              ? Either.right(List.empty())
              : Either.traverseRight(listed, HttpOAuthService::issued).map(List::ofAll);
        });
  }

  @Override
  public Either<RemoteFailure, BigDecimal> credit() {
    return FAILURES.call(
        "read the wallet",
        Failures.Effect.READ,
        () -> {
          Wire.Wallet wallet = reads.wallet().data();
          return wallet == null || wallet.credit() == null
              ? WireValues.malformed("the wallet has no credit")
              : Either.right(wallet.credit());
        });
  }

  private static Either<RemoteFailure, IssuedToken> issued(Wire.@Nullable Token token) {
    if (token == null || token.token() == null || token.token().isBlank()) {
      return WireValues.malformed("a token detail has no token");
    }
    Either<RemoteFailure, Option<Instant>> created = instant(token.createdAt(), "createdAt");
    Either<RemoteFailure, Option<Instant>> expires = instant(token.expireAt(), "expireAt");
    if (created.isLeft() || expires.isLeft()) {
      return Either.left(created.isLeft() ? created.getLeft() : expires.getLeft());
    }
    return Either.right(
        new IssuedToken(
            token.token().strip(),
            WireValues.text(token.name()),
            token.scopes() == null ? List.empty() : List.ofAll(token.scopes()),
            created.get(),
            expires.get()));
  }

  /** An ISO-8601 moment, with {@code Z} or an offset, or without one meaning UTC. */
  private static Either<RemoteFailure, Option<Instant>> instant(
      @Nullable String text, String member) {
    if (text == null || text.isBlank()) {
      return Either.right(Option.none());
    }
    try {
      return Either.right(Option.some(OffsetDateTime.parse(text.strip()).toInstant()));
    } catch (DateTimeParseException withoutOffset) {
      // Read below as UTC.
    }
    try {
      return Either.right(Option.some(LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC)));
    } catch (DateTimeParseException unreadable) {
      return WireValues.malformed(
          "a token's " + member + " is not an ISO-8601 moment: " + WireValues.shorten(text));
    }
  }
}

package dev.sportello.adapter.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the OAuth service's answer to a mint is read, bare or in the envelope, or not at all. */
class MintAnswerTest {
  private static final String TOKEN = "656d6f6e65792d746f6b656e2d30303031";

  /** A list of tokens instead of one: unreadable as a mint's answer. */
  private final AtomicReference<String> mintAnswer =
      new AtomicReference<>("{\"data\":[{\"token\":\"" + TOKEN + "\",\"name\":\"Sportello\"}]}");

  private final HttpServer oauth = server(mintAnswer);

  @AfterEach
  void stop() {
    oauth.stop(0);
  }

  @Test
  void aTokenDetailInTheEnvelopeIsReadAsABareOneIs() {
    mintAnswer.set(
        "{\"success\":true,\"data\":{\"token\":\""
            + TOKEN
            + "\",\"name\":\"Sportello\",\"expireAt\":\"2099-01-01T00:00:00Z\"}}");

    Either<RemoteFailure, IssuedToken> minted = mint();

    assertThat(minted.get().secret()).isEqualTo(TOKEN);
    assertThat(minted.get().expiresAt()).contains(Instant.parse("2099-01-01T00:00:00Z"));
  }

  @Test
  void aSuccessWithoutATokenIsAMintOfUnknownOutcome() {
    mintAnswer.set("{\"success\":true,\"data\":null}");

    assertThat(mint().getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
  }

  @Test
  void anUnreadableAnswerIsAMintOfUnknownOutcome() {
    assertThat(mint().getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
  }

  @Test
  void noPartOfAnUnreadableAnswerReachesTheLogTheProblemOrTheFailure() {
    AccountSettings settings = settings();
    Clock clock = Clock.systemUTC();
    try (CapturedLogs logs = new CapturedLogs();
        OpenapiAccount account =
            OpenapiAccount.create(
                settings,
                new WatchedCredentialStore(),
                HttpOAuthService.create(settings, clock, millis -> {}),
                clock)) {
      Either<String, String> token = account.token().current();

      String head = TOKEN.substring(0, 12);
      assertThat(token.getLeft()).doesNotContain(head);
      assertThat(account.status().problem().get()).doesNotContain(head);
      assertThat(logs.lines())
          .anyMatch(line -> line.startsWith("WARN No new Openapi token"))
          .noneMatch(line -> line.contains(head));
    }
  }

  private Either<RemoteFailure, IssuedToken> mint() {
    return HttpOAuthService.create(settings(), Clock.systemUTC(), millis -> {})
        .mint(SandboxAccount.SCOPES, "Sportello", Duration.ofDays(30));
  }

  private AccountSettings settings() {
    return AccountSettings.of(
        URI.create(
            "http://" + oauth.getAddress().getHostString() + ":" + oauth.getAddress().getPort()),
        SandboxAccount.EMAIL,
        SandboxAccount.API_KEY,
        SandboxAccount.SCOPES);
  }

  /** Answers a mint as told, and every other call with nothing. */
  private static HttpServer server(AtomicReference<String> mintAnswer) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            boolean mint = "POST".equals(exchange.getRequestMethod());
            answer(
                exchange,
                mint ? Objects.requireNonNull(mintAnswer.get()) : "{\"data\":[],\"success\":true}");
          });
      server.start();
      return server;
    } catch (IOException failed) {
      throw new IllegalStateException(failed);
    }
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

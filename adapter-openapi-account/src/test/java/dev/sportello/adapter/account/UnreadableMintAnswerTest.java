package dev.sportello.adapter.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An OAuth service whose answer to a mint cannot be read, though it holds a token. */
class UnreadableMintAnswerTest {
  private static final String TOKEN = "656d6f6e65792d746f6b656e2d30303031";

  private final HttpServer oauth = server();

  @AfterEach
  void stop() {
    oauth.stop(0);
  }

  @Test
  void noPartOfTheAnswerReachesTheLogTheProblemOrTheFailure() {
    AccountSettings settings =
        AccountSettings.of(
            URI.create(
                "http://"
                    + oauth.getAddress().getHostString()
                    + ":"
                    + oauth.getAddress().getPort()),
            SandboxAccount.EMAIL,
            SandboxAccount.API_KEY,
            SandboxAccount.SCOPES);
    Clock clock = Clock.systemUTC();
    try (CapturedLogs logs = new CapturedLogs();
        OpenapiAccount account =
            OpenapiAccount.create(
                settings,
                new MemoryCredentialStore(),
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

  /** Answers a mint with a list of tokens instead of one, and every other call with nothing. */
  private static HttpServer server() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            boolean mint = "POST".equals(exchange.getRequestMethod());
            answer(
                exchange,
                mint
                    ? "{\"data\":[{\"token\":\"" + TOKEN + "\",\"name\":\"Sportello\"}]}"
                    : "{\"data\":[],\"success\":true}");
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

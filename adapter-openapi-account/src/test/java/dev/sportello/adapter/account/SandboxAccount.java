package dev.sportello.adapter.account;

import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import io.vavr.collection.List;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A sandbox playing Openapi's OAuth service and engines for one account, and accounts built on it
 * whose clock is the sandbox's, so that tokens expire for both at the same moment.
 */
final class SandboxAccount implements AutoCloseable {
  static final String EMAIL = "ufficio@studio-rossi.example";
  static final String API_KEY = "k3y-0f-the-studio-2b9f61c0";

  /** What Sportello asks for when only Visengine is enabled, on the test host. */
  static final List<String> SCOPES =
      List.of(
          "GET:test.visengine2.altravia.com/visure",
          "GET:test.visengine2.altravia.com/richiesta",
          "POST:test.visengine2.altravia.com/richiesta",
          "PUT:test.visengine2.altravia.com/richiesta",
          "DELETE:test.visengine2.altravia.com/richiesta",
          "GET:test.visengine2.altravia.com/documento");

  final VisengineSandbox sandbox =
      VisengineSandbox.start(
          SandboxSettings.defaults()
              .withPort(0)
              .withControlApi(true)
              .withAccounts(new SandboxSettings.Account(EMAIL, API_KEY)));

  final Clock clock = new SandboxTime(sandbox);

  AccountSettings settings() {
    return AccountSettings.of(sandbox.baseUrl(), EMAIL, API_KEY, SCOPES)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10))
        .withRetry(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1)));
  }

  /** The OAuth service of the sandbox, its calls counted. */
  CountingOAuth oauth(AccountSettings settings) {
    return new CountingOAuth(
        HttpOAuthService.create(settings, clock, millis -> Thread.sleep(millis)));
  }

  OpenapiAccount account(
      AccountSettings settings, WatchedCredentialStore store, OAuthService oauth) {
    return OpenapiAccount.create(settings, store, oauth, clock);
  }

  OpenapiAccount account(WatchedCredentialStore store) {
    return account(settings(), store, oauth(settings()));
  }

  /** The HTTP status of the engine's {@code GET /visure}, called with {@code token}. */
  int catalogueStatus(String token) throws IOException, InterruptedException {
    return engineStatus("/visure", token);
  }

  int engineStatus(String path, String token) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }

  @Override
  public void close() {
    sandbox.close();
  }

  /** The sandbox's clock. */
  private static final class SandboxTime extends Clock {
    private final VisengineSandbox sandbox;

    SandboxTime(VisengineSandbox sandbox) {
      this.sandbox = sandbox;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return sandbox.now();
    }
  }
}

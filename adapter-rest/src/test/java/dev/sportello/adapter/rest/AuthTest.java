package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.UseCaseError;
import io.vavr.control.Either;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthTest {
  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  private static void assertUnauthorized(Harness.Reply reply) {
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(reply.json().get("code").asString()).isEqualTo("unauthorized");
  }

  @Test
  void noKey() {
    assertUnauthorized(
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/certificates"))
                .timeout(Duration.ofSeconds(10))
                .GET()));
    verifyNoInteractions(api.browse);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer wrong-key",
        "Bearer ",
        "Basic YWxpY2U6c2VjcmV0",
        "alice-secret-key-0001",
        "Bearer alice-secret-key-0001x",
        "Token alice-secret-key-0001"
      })
  void wrongKeys(String authorization) {
    assertUnauthorized(
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/requests/req-1"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .GET()));
    verifyNoInteractions(api.get);
  }

  @Test
  void everyApiRouteNeedsAKey() {
    for (Route route : api.adapter.routes()) {
      if (!route.path().startsWith("/api/v1/") || route.path().endsWith("openapi.yaml")) {
        continue;
      }
      String path = route.path().replace("{id}", "req-1").replace("{name}", "a.pdf");
      var reply =
          api.send(
              HttpRequest.newBuilder(api.uri(path))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .method(
                      route.method(),
                      route.method().equals("GET")
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(reply.status()).as(route.method() + " " + route.path()).isEqualTo(401);
    }
  }

  @Test
  void theKeyIdentifiesTheCaller() {
    when(api.get.get(any())).thenReturn(Either.left(new UseCaseError.NotFound("no request req-1")));
    when(api.get.get(new RequestQuery("alice", "req-1")))
        .thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    var alice = api.send(api.as(Harness.ALICE_KEY, "/api/v1/requests/req-1").GET());
    var bob = api.send(api.as(Harness.BOB_KEY, "/api/v1/requests/req-1").GET());

    assertThat(alice.status()).isEqualTo(200);
    assertThat(bob.status()).isEqualTo(404);
    verify(api.get).get(new RequestQuery("bob", "req-1"));
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    when(api.get.get(any())).thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    var reply =
        api.send(
            HttpRequest.newBuilder(api.uri("/api/v1/requests/req-1"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "bearer " + Harness.ALICE_KEY)
                .GET());

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void settingsNeverShowTheHashes() {
    String hash = RestSettings.hashApiKey(Harness.ALICE_KEY);

    assertThat(api.settings().toString()).doesNotContain(hash).contains("callers=2");
    assertThat(hash).matches("[0-9a-f]{64}");
  }
}

package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.UseCaseError;
import io.vavr.control.Either;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookTest {
  private static final String TOKEN = "req-1.AbCdEf012345_-xyz";

  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  private Harness.Reply notify(String token, String contentType, String body) {
    return api.send(
        HttpRequest.newBuilder(api.uri("/webhooks/visengine/" + token))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Harness.Reply notifyDocuEngine(Harness harness, String token, String body) {
    return harness.send(
        HttpRequest.newBuilder(harness.uri("/webhooks/docuengine"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-Sportello-Token", token)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void handsTheTokenToTheUseCase() {
    when(api.notifications.handle(TOKEN))
        .thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    var reply =
        notify(TOKEN, "application/json", "{\"data\": {\"_id\": \"5f22f722065afc42223c7131\"}}");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body()).isEmpty();
    verify(api.notifications).handle(TOKEN);
  }

  @Test
  void acceptsFormBodiesAndIgnoresThem() {
    when(api.notifications.handle(TOKEN))
        .thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    var reply = notify(TOKEN, "application/x-www-form-urlencoded", "data=%7B%22_id%22%3A1%7D");

    assertThat(reply.status()).isEqualTo(202);
  }

  @Test
  void aTokenThatNamesNothingIsNotFound() {
    when(api.notifications.handle(any()))
        .thenReturn(Either.left(new UseCaseError.NotFound("no request for this notification")));

    var reply = notify("req-1.forged", "application/json", "{}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("instance").asString()).isEqualTo("/webhooks/visengine/{token}");
    assertThat(reply.text()).doesNotContain("forged");
  }

  @Test
  void noProblemEchoesTheTokenWhateverTheMethodOrSpelling() {
    for (String method : new String[] {"GET", "PUT", "DELETE", "PATCH"}) {
      for (String path :
          new String[] {
            "/webhooks/visengine/" + TOKEN,
            "/WEBHOOKS/visengine/" + TOKEN,
            "/%77ebhooks/visengine/" + TOKEN,
            "/webhooks/visengine/" + TOKEN + "/extra"
          }) {
        var reply =
            api.send(
                HttpRequest.newBuilder(api.uri(path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.status()).as(method + " " + path).isBetween(400, 499);
        assertThat(reply.text()).as(method + " " + path).doesNotContain("AbCdEf012345");
      }
    }
    verifyNoInteractions(api.notifications);
  }

  @Test
  void anAddressThatNamesAWebhookButNoRouteIsShownAsTheWebhooksBase() {
    var reply =
        api.send(
            HttpRequest.newBuilder(api.uri("/webhooks/docuengine/" + TOKEN))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("instance").asString()).isEqualTo("/webhooks");
  }

  @Test
  void aMalformedTokenNeverReachesTheUseCase() {
    for (String token : new String[] {"nodot", ".x", "a.", "a.b.c%20d", "x".repeat(300) + ".y"}) {
      assertThat(notify(token, "application/json", "{}").status()).as(token).isEqualTo(404);
    }
    verifyNoInteractions(api.notifications);
  }

  @Test
  void answersFastWhileTheHandlingGoesOn() throws Exception {
    var release = new CountDownLatch(1);
    when(api.notifications.handle(TOKEN))
        .thenAnswer(call -> {
          release.await(10, TimeUnit.SECONDS);
          return Either.right(Fixtures.request("req-1", "alice"));
        });

    long started = System.nanoTime();
    var reply = notify(TOKEN, "application/json", "{}");
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    release.countDown();

    assertThat(reply.status()).isEqualTo(202);
    assertThat(took).isLessThan(5_000);
    verify(api.notifications, timeout(2_000)).handle(TOKEN);
  }

  @Test
  void upstreamTroubleIsStillAccepted() {
    when(api.notifications.handle(TOKEN))
        .thenReturn(Either.left(new UseCaseError.UpstreamUnavailable("timeout")));

    assertThat(notify(TOKEN, "application/json", "{}").status()).isEqualTo(202);
  }

  @Test
  void aFailingUseCaseIsStillAccepted() {
    when(api.notifications.handle(TOKEN)).thenThrow(new IllegalStateException("boom"));

    assertThat(notify(TOKEN, "application/json", "{}").status()).isEqualTo(202);
  }

  @Test
  void needsNoApiKey() {
    when(api.notifications.handle(TOKEN))
        .thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    assertThat(notify(TOKEN, "text/plain", "").status()).isEqualTo(202);
  }

  @Test
  void handsDocuEnginesHeaderTokenToTheUseCase() {
    when(api.notifications.handle(TOKEN))
        .thenReturn(Either.right(Fixtures.request("req-1", "alice")));

    var reply = notifyDocuEngine(api, TOKEN, "{\"data\": {\"id\": \"663df75d19a52195e23e315c\"}}");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body()).isEmpty();
    verify(api.notifications).handle(TOKEN);
  }

  @Test
  void aDocuEngineNotificationWithoutATokenIsNotFound() {
    var reply =
        api.send(
            HttpRequest.newBuilder(api.uri("/webhooks/docuengine"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\": {}}")));

    assertThat(reply.status()).isEqualTo(404);
    verifyNoInteractions(api.notifications);
  }

  @Test
  void aDocuEngineTokenThatNamesNothingIsNotFound() {
    when(api.notifications.handle(any()))
        .thenReturn(Either.left(new UseCaseError.NotFound("no request for this notification")));

    var reply = notifyDocuEngine(api, "req-1.forged", "{}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("instance").asString()).isEqualTo("/webhooks/docuengine");
    assertThat(reply.text()).doesNotContain("forged");
  }

  @Test
  void aMalformedDocuEngineTokenNeverReachesTheUseCase() {
    for (String token : new String[] {"nodot", ".x", "a.", "a.b c", "x".repeat(300) + ".y"}) {
      assertThat(notifyDocuEngine(api, token, "{}").status()).as(token).isEqualTo(404);
    }
    verifyNoInteractions(api.notifications);
  }

  @Test
  void aDocuEngineBodyPastTheBodyLimitIsStillOnlyAHint() {
    try (var small = new Harness(settings -> settings.withMaxBodyBytes(1024))) {
      when(small.notifications.handle(TOKEN))
          .thenReturn(Either.right(Fixtures.request("req-1", "alice")));

      var reply = notifyDocuEngine(small, TOKEN, "{\"data\": " + "[".repeat(64 * 1024));

      assertThat(reply.status()).isEqualTo(202);
      verify(small.notifications).handle(TOKEN);
    }
  }
}

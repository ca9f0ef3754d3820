package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.DeliveryQuery;
import dev.sportello.application.port.in.EndpointWithSecret;
import dev.sportello.application.port.in.ListDeliveriesQuery;
import dev.sportello.application.port.in.RegisterEndpointCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase.DeliveryListing;
import dev.sportello.application.testing.SequentialWebhookSecrets;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.webhook.DeliveryAttempt;
import dev.sportello.domain.webhook.DeliveryState;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookDelivery;
import dev.sportello.domain.webhook.WebhookEndpoint;
import dev.sportello.domain.webhook.WebhookEvent;
import dev.sportello.domain.webhook.WebhookMessage;
import dev.sportello.domain.webhook.WebhookSecret;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookRoutesTest {
  private static final SequentialWebhookSecrets SECRETS = new SequentialWebhookSecrets();
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
  private static final WebhookEndpoint ENDPOINT =
      new WebhookEndpoint("alice", "https://hooks.example.com/in", AT, AT);

  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  private Harness.Reply put(String path, String json) {
    return api.send(
        api.as(Harness.ALICE_KEY, path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static WebhookDelivery delivery(DeliveryState state) {
    var message =
        new WebhookMessage(
            "msg_abc123",
            AT,
            new WebhookEvent.StatusChanged(
                new RequestId("req-1"), "alice", Option.none(), RequestStatus.ACCEPTED, AT));
    var attempts =
        List.of(
            new DeliveryAttempt(AT, new SendResult.Rejected(500)),
            new DeliveryAttempt(
                AT.plusSeconds(5), new SendResult.Failed(SendResult.FailureKind.TIMEOUT)),
            new DeliveryAttempt(AT.plusSeconds(305), new SendResult.Delivered(204)));
    return state == DeliveryState.PENDING
        ? new WebhookDelivery(message, state, List.empty(), 0, AT, Option.some(AT))
        : new WebhookDelivery(message, state, attempts, 3, AT, Option.none());
  }

  @Test
  void registeringAnEndpointShowsItsSecretOnce() {
    WebhookSecret secret = SECRETS.next();
    when(api.webhookEndpoint.register(
            new RegisterEndpointCommand("alice", "https://hooks.example.com/in")))
        .thenReturn(Either.right(new EndpointWithSecret(ENDPOINT, secret)));
    when(api.webhookEndpoint.endpoint("alice")).thenReturn(Either.right(ENDPOINT));

    JsonNode registered =
        put("/api/v1/webhook-endpoint", "{\"url\":\"https://hooks.example.com/in\"}").json();
    Harness.Reply read = api.get("/api/v1/webhook-endpoint");

    assertThat(registered.path("secret").asString()).isEqualTo(secret.value());
    assertThat(registered.path("url").asString()).isEqualTo("https://hooks.example.com/in");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().has("secret")).isFalse();
  }

  @Test
  void aRefusedUrlIsAProblemNamingTheField() {
    when(api.webhookEndpoint.register(any()))
        .thenReturn(
            Either.left(
                new UseCaseError.InvalidInput(
                    List.of(Violation.general("url", "insecure_url", "the url must be https")))));

    Harness.Reply reply =
        put("/api/v1/webhook-endpoint", "{\"url\":\"http://hooks.example.com/in\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("instance").asString()).isEqualTo("/api/v1/webhook-endpoint");
    assertThat(reply.json().path("violations").get(0).path("code").asString())
        .isEqualTo("insecure_url");
  }

  @Test
  void aBodyWithoutUrlIsRefusedBeforeTheUseCase() {
    Harness.Reply reply = put("/api/v1/webhook-endpoint", "{}");

    assertThat(reply.status()).isEqualTo(400);
    verifyNoInteractions(api.webhookEndpoint);
  }

  @Test
  void removingTheEndpointAnswersNoContentAndAMissingOneIsNotFound() {
    when(api.webhookEndpoint.remove("alice"))
        .thenReturn(Either.right(ENDPOINT))
        .thenReturn(Either.left(new UseCaseError.NotFound("no webhook endpoint")));

    Harness.Reply removed =
        api.send(api.as(Harness.ALICE_KEY, "/api/v1/webhook-endpoint").DELETE());
    Harness.Reply again = api.send(api.as(Harness.ALICE_KEY, "/api/v1/webhook-endpoint").DELETE());

    assertThat(removed.status()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(404);
  }

  @Test
  void rotatingTheSecretShowsTheNewOne() {
    WebhookSecret secret = SECRETS.next();
    when(api.webhookEndpoint.rotateSecret("alice"))
        .thenReturn(Either.right(new EndpointWithSecret(ENDPOINT, secret)));

    Harness.Reply reply = api.post("/api/v1/webhook-endpoint/secret", "");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("secret").asString()).isEqualTo(secret.value());
  }

  @Test
  void theDeliveryLogListsEachDeliveryWithItsAttempts() {
    when(api.webhookDeliveries.list(new ListDeliveriesQuery("alice", Option.some("c1"), 20)))
        .thenReturn(
            Either.right(
                new DeliveryListing(
                    List.of(delivery(DeliveryState.DELIVERED)), Option.some("c2"))));

    JsonNode page = api.get("/api/v1/webhook-deliveries?cursor=c1&limit=20").json();

    assertThat(page.path("nextCursor").asString()).isEqualTo("c2");
    JsonNode first = page.path("items").get(0);
    assertThat(first.path("id").asString()).isEqualTo("msg_abc123");
    assertThat(first.path("type").asString()).isEqualTo("request.status_changed");
    assertThat(first.path("state").asString()).isEqualTo("DELIVERED");
    assertThat(statuses(first.path("attempts"))).containsExactly("500", "null", "204");
    assertThat(first.path("attempts").get(1).path("failure").asString()).isEqualTo("timeout");
  }

  private static List<String> statuses(JsonNode attempts) {
    return List.ofAll(attempts).map(attempt -> attempt.path("status").toString());
  }

  @Test
  void replayingADeliveryQueuesItAgain() {
    when(api.webhookDeliveries.replay(new DeliveryQuery("alice", "msg_abc123")))
        .thenReturn(Either.right(delivery(DeliveryState.PENDING)));

    Harness.Reply reply = api.post("/api/v1/webhook-deliveries/msg_abc123/replay", "");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().path("state").asString()).isEqualTo("PENDING");
    verify(api.webhookDeliveries).replay(new DeliveryQuery("alice", "msg_abc123"));
  }

  @Test
  void aPendingDeliveryCannotBeReplayed() {
    when(api.webhookDeliveries.replay(any()))
        .thenReturn(Either.left(new UseCaseError.NotReady("the delivery is still pending")));

    Harness.Reply reply = api.post("/api/v1/webhook-deliveries/msg_abc123/replay", "");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().path("code").asString()).isEqualTo("not_ready");
  }

  @Test
  void withoutTheWebhookUseCasesTheRoutesSayWebhooksAreUnavailable() {
    try (RestAdapter plain =
        RestAdapter.create(
                api.useCases(),
                RestSettings.of(
                        HashMap.of(RestSettings.hashApiKey(Harness.ALICE_KEY), "alice"),
                        () -> true,
                        () -> true,
                        () -> "")
                    .withAddress("127.0.0.1", 0))
            .start()) {
      Harness.Reply reply =
          Harness.exchange(
              java.net.http.HttpClient.newHttpClient(),
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + plain.port() + "/api/v1/webhook-deliveries"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Bearer " + Harness.ALICE_KEY)
                  .build());

      assertThat(reply.status()).isEqualTo(501);
      assertThat(reply.json().path("code").asString()).isEqualTo("webhooks_unavailable");
    }
  }
}

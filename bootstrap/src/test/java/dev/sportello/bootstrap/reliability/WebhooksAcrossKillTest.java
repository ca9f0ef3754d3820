package dev.sportello.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.webhooks.receiver.WebhookReceiver;
import dev.sportello.adapter.webhooks.receiver.WebhookReceiver.Received;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service killed with SIGKILL while webhook messages wait for their retry, and started again on
 * the same store: the receiver still gets every message, each verified, none lost (a message may
 * come twice, with its {@code webhook-id}).
 */
class WebhooksAcrossKillTest {
  private static final String API_KEY = FaultCampaignTest.API_KEY;
  private static final String FAMILY_STATUS = "4c84e22bbabd5f25b0102bb3bfe82790";
  private static final Duration STEP = Duration.ofHours(1);
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dataDir;

  private final Http http = new Http(Duration.ofSeconds(30));

  @Test
  void messagesPendingWhenTheServiceIsKilledAreDeliveredAfterItStartsAgain() throws Exception {
    try (VisengineSandbox sandbox =
            VisengineSandbox.start(
                SandboxSettings.defaults().withStepDelay(STEP).withControlApi(true));
        WebhookReceiver receiver = WebhookReceiver.start().refuseEachMessage(1, 503)) {
      Map<String, String> environment =
          FaultCampaignTest.environment(dataDir.resolve("store"), sandbox);
      Path log = dataDir.resolve("service.log");
      ServiceProcess service = ServiceProcess.start(environment, log);
      try {
        Http.Reply registered =
            http.send(
                "PUT",
                service.baseUrl().resolve("/api/v1/webhook-endpoint"),
                API_KEY,
                Http.json(Map.of("url", receiver.url().toString())));
        assertThat(registered.status()).as(registered.text()).isEqualTo(200);
        receiver.trust(registered.json().path("secret").asString());
        String id = order(service.baseUrl());
        URI baseUrl = service.baseUrl();
        await(() -> deliveries(baseUrl), items -> attemptsMade(items) > 0);

        service.kill();
        sandbox.advance(STEP);
        service = ServiceProcess.start(environment, log);

        URI restarted = service.baseUrl();
        JsonNode fulfilled =
            await(
                () -> {
                  sandbox.advance(STEP);
                  return request(restarted, id);
                },
                request ->
                    request.path("status").asString().equals("FULFILLED")
                        && request.path("document").isObject());
        List<JsonNode> deliveryLog =
            await(
                () -> deliveries(restarted),
                items ->
                    items.exists(
                            item -> item.path("type").asString().equals("request.document_ready"))
                        && items.forAll(item -> item.path("state").asString().equals("DELIVERED")));

        List<String> delivered = deliveryLog.map(item -> item.path("id").asString());
        assertThat(receiver.received()).allMatch(Received::verified);
        assertThat(
                List.ofAll(receiver.received())
                    .filter(message -> message.answered() == 200)
                    .map(Received::id)
                    .distinct())
            .containsExactlyInAnyOrderElementsOf(delivered);
        List<String> statuses =
            List.ofAll(fulfilled.path("history")).map(entry -> entry.path("status").asString());
        assertThat(toStatuses(receiver.received())).containsExactlyElementsOf(statuses);
      } finally {
        service.kill();
      }
    }
  }

  private String order(URI baseUrl) throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("certificateId", FAMILY_STATUS);
    body.put("values", SeedCertificates.familyStatusValues().toJavaMap());
    body.put("extras", java.util.List.of("opzione_0"));
    Http.Reply reply =
        http.send(
            "POST",
            baseUrl.resolve("/api/v1/requests"),
            API_KEY,
            Http.json(body),
            "Idempotency-Key",
            "webhooks-kill-1");
    assertThat(reply.ok()).as(reply.text()).isTrue();
    return reply.json().path("id").asString();
  }

  private JsonNode request(URI baseUrl, String id) throws Exception {
    return http.send("GET", baseUrl.resolve("/api/v1/requests/" + id), API_KEY, "").json();
  }

  private List<JsonNode> deliveries(URI baseUrl) throws Exception {
    return List.ofAll(
        http.send("GET", baseUrl.resolve("/api/v1/webhook-deliveries?limit=100"), API_KEY, "")
            .json()
            .path("items"));
  }

  private static int attemptsMade(List<JsonNode> deliveries) {
    return deliveries.map(item -> item.path("attempts").size()).sum().intValue();
  }

  /** The status each distinct message entered, in the order of their first arrival. */
  private static List<String> toStatuses(java.util.List<Received> received) {
    LinkedHashMap<String, String> first = LinkedHashMap.empty();
    for (Received message : received) {
      JsonNode body = Http.JSON.readTree(message.body());
      if (!first.containsKey(message.id())
          && body.path("type").asString().equals("request.status_changed")) {
        first = first.put(message.id(), body.path("data").path("to").asString());
      }
    }
    return first.values().toList();
  }

  private static <T> T await(Callable<T> look, Predicate<T> done) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    T seen = look.call();
    while (!done.test(seen)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still waiting after " + PATIENCE + ": " + seen);
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      seen = look.call();
    }
    return seen;
  }
}

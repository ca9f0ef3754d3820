package dev.sportello.bootstrap;

import static dev.sportello.bootstrap.Harness.FAMILY_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.sportello.adapter.webhooks.receiver.WebhookReceiver;
import dev.sportello.adapter.webhooks.receiver.WebhookReceiver.Received;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A caller's endpoint on a real receiver, which verifies every message's signature as the
 * specification says: the service wired as it runs, on the embedded store and sandbox.
 */
class WebhooksEndToEndTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path dataDir;
  @TempDir Path downloads;

  private final RunningClock clock = new RunningClock();
  private WebhookReceiver receiver;
  private Harness app;

  @BeforeEach
  void start() throws IOException {
    receiver = WebhookReceiver.start(clock);
    app = Harness.start(Harness.environment(dataDir, Map.of()), clock);
  }

  @AfterEach
  void stop() {
    app.close();
    receiver.close();
  }

  private void register() {
    JsonNode endpoint =
        app.ok(app.put("/api/v1/webhook-endpoint", Map.of("url", receiver.url().toString())));
    receiver.trust(endpoint.path("secret").asString());
  }

  private String order() {
    return app.ok(
            app.submit(
                "webhooks-" + System.nanoTime(),
                FAMILY_STATUS,
                Harness.familyStatus("1985-12-10"),
                "opzione_0"))
        .path("id")
        .asString();
  }

  @Test
  void theReceiverGetsEveryStatusChangeInOrderAndTheDocumentSignedAsDocumented()
      throws IOException {
    register();
    String id = order();
    JsonNode fulfilled = app.syncUntil(id, "FULFILLED");
    app.download(id, downloads);

    List<String> statuses =
        List.ofAll(fulfilled.path("history")).map(entry -> entry.path("status").asString());
    // Awaits every message: the document may be told of before the last status change.
    List<JsonNode> bodies =
        await(
            () ->
                firstOfEach(receiver.received())
                    .filter(body -> body.path("data").path("requestId").asString().equals(id)),
            seen -> seen.size() == statuses.size() + 1);

    assertThat(receiver.received()).allMatch(Received::verified);
    List<JsonNode> changes =
        bodies.filter(body -> body.path("type").asString().equals("request.status_changed"));
    assertThat(changes.map(body -> body.path("data").path("to").asString()))
        .containsExactlyElementsOf(statuses);
    assertThat(
            changes
                .map(body -> body.path("data").path("from"))
                .map(from -> from.isNull() ? "null" : from.asString()))
        .containsExactlyElementsOf(List.of("null").appendAll(statuses.init()));
    JsonNode ready =
        bodies.find(body -> body.path("type").asString().equals("request.document_ready")).get();
    assertThat(ready.path("data").path("document").path("sha256").asString())
        .isEqualTo(fulfilled.path("document").path("sha256").asString());
    for (JsonNode body : bodies) {
      Documented.validate(body);
    }
  }

  @Test
  void aMessageRefusedTwiceIsDeliveredOnItsThirdAttemptAndAReplayComesWithTheSameId()
      throws IOException {
    receiver.refuseEachMessage(2, 500);
    register();
    order();

    String messageId = awaitAttempts(1).path("id").asString();
    clock.advance(Duration.ofSeconds(5));
    awaitAttempts(2);
    clock.advance(Duration.ofMinutes(5));
    JsonNode delivered = awaitAttempts(3);

    assertThat(delivered.path("state").asString()).isEqualTo("DELIVERED");
    assertThat(
            List.ofAll(delivered.path("attempts")).map(attempt -> attempt.path("status").asInt()))
        .containsExactly(500, 500, 200);
    assertThat(receiver.received(message -> message.id().equals(messageId)))
        .extracting(Received::answered)
        .containsExactly(500, 500, 200);

    Harness.Answer replayed =
        app.post("/api/v1/webhook-deliveries/" + messageId + "/replay", Map.of());
    assertThat(replayed.status()).isEqualTo(202);
    await(
        () -> List.ofAll(receiver.received(message -> message.id().equals(messageId))),
        seen -> seen.size() == 4);
    assertThat(receiver.received(message -> message.id().equals(messageId)))
        .allMatch(Received::verified)
        .extracting(Received::body)
        .containsOnly(
            receiver.received(message -> message.id().equals(messageId)).getFirst().body());
  }

  /** The oldest delivery of the log once it has this many attempts. */
  private JsonNode awaitAttempts(int attempts) {
    return await(
        () -> {
          JsonNode items = app.ok(app.get("/api/v1/webhook-deliveries?limit=100")).path("items");
          return items.isEmpty() ? null : items.get(items.size() - 1);
        },
        delivery -> delivery != null && delivery.path("attempts").size() >= attempts);
  }

  /** The body of each message's first arrival, in arrival order. */
  private static List<JsonNode> firstOfEach(java.util.List<Received> received) {
    LinkedHashMap<String, JsonNode> first = LinkedHashMap.empty();
    for (Received message : received) {
      if (!first.containsKey(message.id())) {
        first = first.put(message.id(), Harness.JSON.readTree(message.body()));
      }
    }
    return first.values().toList();
  }

  private static <T> T await(Supplier<T> look, java.util.function.Predicate<T> done) {
    Instant deadline = Instant.now().plus(PATIENCE);
    T seen = look.get();
    while (!done.test(seen)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still waiting after " + PATIENCE + ": " + seen);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      seen = look.get();
    }
    return seen;
  }

  /**
   * The system clock, moved ahead by hand: the service's events are stamped by the system clock, so
   * the clock that decides what is due must run on from it.
   */
  private static final class RunningClock extends Clock {
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    void advance(Duration step) {
      ahead.updateAndGet(current -> current.plus(step));
    }

    @Override
    public Instant instant() {
      return Clock.systemUTC().instant().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the test's clock runs in UTC");
    }
  }

  /** The messages' schemas in the OpenAPI document's {@code webhooks} section. */
  static final class Documented {
    private static final String BASE = "https://sportello.test/openapi.json";
    private static final JsonNode DOCUMENT = read();
    private static final SchemaRegistry REGISTRY =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder.schemas(
                    Map.of(BASE, JsonMapper.builder().build().writeValueAsString(DOCUMENT))));

    private Documented() {}

    private static JsonNode read() {
      try (InputStream in =
          Documented.class.getResourceAsStream("/dev/sportello/adapter/rest/openapi.yaml")) {
        return YAMLMapper.builder().build().readTree(in);
      } catch (IOException unreadable) {
        throw new java.io.UncheckedIOException(unreadable);
      }
    }

    /** Fails unless the body matches the schema the document gives its type. */
    static void validate(JsonNode body) {
      String type = body.path("type").asString();
      assertThat(DOCUMENT.path("webhooks").has(type)).as("documented type %s", type).isTrue();
      String pointer = "#/webhooks/" + type + "/post/requestBody/content/application~1json/schema";
      Schema schema = REGISTRY.getSchema(SchemaLocation.of(BASE + pointer));
      assertThat(schema.validate(body)).as("%s against %s", body, pointer).isEmpty();
    }
  }
}

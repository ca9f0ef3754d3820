package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Callbacks on every status change, in both encodings, with retries. The receiver is a JDK HTTP
 * server; waiting for a delivery uses a generous timeout, never an assertion on timing.
 */
class CallbackTest {

  private static final long WAIT_SECONDS = 20;

  private final SandboxHttp api = SandboxHttp.start();
  private final CallbackReceiver receiver = new CallbackReceiver();

  @AfterEach
  void stop() {
    receiver.close();
    api.close();
  }

  private String createWithCallback(String method) {
    return api.create(
        SandboxHttp.COMPANY_REPORT,
        SandboxHttp.COMPANY_FIELDS,
        "\"callback_data\":{\"url\":\"%s\",\"method\":\"%s\",\"field\":\"visengineData\",\"data\":{\"order\":7}}"
            .formatted(receiver.url(), method));
  }

  @Test
  void jsonCallbacksCarryTheRequestUnderDataOnEveryStatusChange() throws InterruptedException {
    String id = createWithCallback("JSON");

    CallbackReceiver.Received closed = receiver.next();
    assertThat(closed.contentType()).startsWith("application/json");
    JsonNode first = Json.read(closed.body()).path("data");
    assertThat(first.path("_id").asString()).isEqualTo(id);
    assertThat(first.path("stato_richiesta").asString()).isEqualTo("In erogazione");
    assertThat(first.at("/callback_data/data/order").asInt()).isEqualTo(7);

    api.finishAll();
    assertThat(Json.read(receiver.next().body()).at("/data/stato_richiesta").asString())
        .isEqualTo("Dati disponibili");
    assertThat(Json.read(receiver.next().body()).at("/data/stato_richiesta").asString())
        .isEqualTo("Visura evasa");
  }

  @Test
  void postCallbacksSendAFormFieldHoldingTheRequestJson() throws InterruptedException {
    String id = createWithCallback("POST");

    CallbackReceiver.Received delivery = receiver.next();
    assertThat(delivery.contentType()).startsWith("application/x-www-form-urlencoded");
    assertThat(delivery.body()).startsWith("visengineData=");
    String json =
        URLDecoder.decode(
            delivery.body().substring("visengineData=".length()), StandardCharsets.UTF_8);
    assertThat(Json.read(json).path("_id").asString()).isEqualTo(id);
  }

  @Test
  void aFailedDeliveryIsRetriedWithBackoffOnTheSandboxClock() throws InterruptedException {
    receiver.script(500, 503);
    createWithCallback("JSON");

    assertThat(Json.read(receiver.next().body()).at("/data/stato_richiesta").asString())
        .isEqualTo("In erogazione");
    awaitAttempts(1);
    api.sandbox.advance(Duration.ofSeconds(1));
    assertThat(Json.read(receiver.next().body()).at("/data/stato_richiesta").asString())
        .isEqualTo("In erogazione");
    awaitAttempts(2);
    api.sandbox.advance(Duration.ofSeconds(2));
    assertThat(Json.read(receiver.next().body()).at("/data/stato_richiesta").asString())
        .isEqualTo("In erogazione");

    JsonNode attempts = api.get("/_sandbox/callbacks").data();
    awaitAttempts(3);
    assertThat(attempts.get(0).path("outcome").asString()).isEqualTo("failed");
    assertThat(attempts.get(0).path("status").asInt()).isEqualTo(500);
  }

  @Test
  void anUnreachableReceiverIsGivenUpAfterSixAttempts() throws InterruptedException {
    receiver.close();
    createWithCallback("JSON");
    for (int attempt = 1; attempt <= CallbackDispatcher.MAX_ATTEMPTS; attempt++) {
      awaitAttempts(attempt);
      api.sandbox.advance(Duration.ofSeconds(16));
    }
    api.sandbox.advance(Duration.ofMinutes(5));
    JsonNode attempts = awaitAttempts(CallbackDispatcher.MAX_ATTEMPTS + 2);
    // After giving up on the first change, the next changes are attempted in order.
    assertThat(attempts.get(CallbackDispatcher.MAX_ATTEMPTS).path("stato_richiesta").asString())
        .isEqualTo("Dati disponibili");
    assertThat(attempts.get(0).path("status").isNull()).isTrue();
  }

  /** Waits until the sandbox has recorded this many delivery attempts. */
  private JsonNode awaitAttempts(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    JsonNode attempts = api.get("/_sandbox/callbacks").data();
    while (attempts.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
      attempts = api.get("/_sandbox/callbacks").data();
    }
    assertThat(attempts.size()).as("callback attempts").isGreaterThanOrEqualTo(count);
    return attempts;
  }
}

package dev.sportello.sandbox;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers callbacks of both engines: a POST of the request to its callback URL (Visengine's {@code
 * callback_data.url}, DocuEngine's {@code callback.url}, with its custom headers) on every status
 * change, in order per request. A delivery that fails (no 2xx, or no connection) is retried with
 * exponential backoff on the sandbox clock (1 s, 2 s, 4 s, 8 s, 16 s) and given up after six
 * attempts; the next change of that request then goes out.
 */
final class CallbackDispatcher implements AutoCloseable {

  static final int MAX_ATTEMPTS = 6;
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int LOG_LIMIT = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);

  /** The pending deliveries of one request; one in flight at a time keeps them in order. */
  private static final class Outbox {
    final Deque<StatusChange> queue = new ArrayDeque<>();
    boolean inFlight;
    int failedAttempts;
    Instant nextAttempt = Instant.MIN;
  }

  private final SandboxClock clock;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;
  private final Map<String, Outbox> outboxes = new LinkedHashMap<>();
  private final Deque<ObjectNode> attempts = new ArrayDeque<>();

  CallbackDispatcher(SandboxClock clock) {
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  synchronized void enqueue(StatusChange change) {
    outboxes.computeIfAbsent(change.requestId(), id -> new Outbox()).queue.add(change);
    pump();
  }

  /** Starts every delivery that is due; called on each change and by the sandbox's ticker. */
  synchronized void pump() {
    Instant now = clock.now();
    for (Outbox outbox : outboxes.values()) {
      StatusChange next = outbox.queue.peekFirst();
      if (next != null && !outbox.inFlight && !outbox.nextAttempt.isAfter(now)) {
        outbox.inFlight = true;
        executor.execute(() -> deliver(outbox, next));
      }
    }
  }

  /** Runs on its own virtual thread, outside the lock. */
  private void deliver(Outbox outbox, StatusChange delivery) {
    Integer status = null;
    try {
      status = http.send(request(delivery), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException unreachable) {
      LOG.debug("Callback for request {} failed: {}", delivery.requestId(), unreachable.toString());
    } catch (InterruptedException shuttingDown) {
      Thread.currentThread().interrupt();
      return;
    }
    completed(outbox, delivery, status);
  }

  /** The last deliveries attempted, newest last, for the control API. */
  synchronized ArrayNode attemptsJson() {
    ArrayNode list = Json.NODES.arrayNode();
    attempts.forEach(attempt -> list.add(attempt.deepCopy()));
    return list;
  }

  private synchronized void completed(
      Outbox outbox, StatusChange delivery, @Nullable Integer status) {
    outbox.inFlight = false;
    boolean delivered = status != null && status >= 200 && status < 300;
    record(delivery, outbox.failedAttempts + 1, status, delivered);
    if (delivered || outbox.failedAttempts + 1 >= MAX_ATTEMPTS) {
      if (!delivered) {
        LOG.warn(
            "Gave up a callback for request {} after {} attempts",
            delivery.requestId(),
            MAX_ATTEMPTS);
      }
      outbox.queue.removeFirst();
      outbox.failedAttempts = 0;
      outbox.nextAttempt = Instant.MIN;
      if (outbox.queue.isEmpty()) {
        outboxes.remove(delivery.requestId());
      }
    } else {
      Duration backoff = FIRST_RETRY.multipliedBy(1L << outbox.failedAttempts);
      outbox.failedAttempts++;
      outbox.nextAttempt = clock.now().plus(backoff);
    }
    pump();
  }

  private void record(
      StatusChange delivery, int attempt, @Nullable Integer status, boolean delivered) {
    ObjectNode entry = Json.object();
    entry.put("request_id", delivery.requestId());
    entry.put(delivery.stateField(), delivery.request().path(delivery.stateField()).asString());
    entry.put("url", delivery.target().url().toString());
    entry.put("attempt", attempt);
    entry.put("outcome", delivered ? "delivered" : "failed");
    if (status == null) {
      entry.putNull("status");
    } else {
      entry.put("status", status.intValue());
    }
    entry.put("at", clock.now().getEpochSecond());
    attempts.addLast(entry);
    if (attempts.size() > LOG_LIMIT) {
      attempts.removeFirst();
    }
  }

  private static HttpRequest request(StatusChange delivery) {
    CallbackTarget target = delivery.target();
    HttpRequest.Builder builder = HttpRequest.newBuilder(target.url()).timeout(TIMEOUT);
    target.headers().forEach(builder::header);
    builder.setHeader("User-Agent", "Openapi-Sandbox");
    if (target.body() != CallbackTarget.Body.FORM_FIELD) {
      ObjectNode body = Json.object();
      body.set(target.jsonProperty(), delivery.request());
      return builder
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
          .build();
    }
    String form =
        URLEncoder.encode(target.field(), StandardCharsets.UTF_8)
            + "="
            + URLEncoder.encode(Json.write(delivery.request()), StandardCharsets.UTF_8);
    return builder
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  @Override
  public void close() {
    http.shutdownNow();
    executor.shutdownNow();
  }
}

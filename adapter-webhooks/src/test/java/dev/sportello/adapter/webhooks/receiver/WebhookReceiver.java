package dev.sportello.adapter.webhooks.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A webhook receiver on a random loopback port, as a caller would run one: it checks each message's
 * signature with {@link StandardWebhooksVerifier} against the secrets it trusts, answers 401 to a
 * message that does not verify, and otherwise answers as scripted (200 when nothing is scripted).
 * Every message is kept, verified or not, in the order it arrived.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One message as it arrived; the body is UTF-8 JSON. */
  public record Received(
      String id,
      String timestamp,
      String signature,
      String contentType,
      String userAgent,
      String body,
      Optional<String> problem,
      int answered) {
    /** Whether it verified with a trusted secret. */
    public boolean verified() {
      return problem.isEmpty();
    }
  }

  /** How the receiver answers one message. */
  public record Answer(int status, Duration delay, Optional<String> location) {
    /** An immediate answer with this status. */
    public static Answer status(int status) {
      return new Answer(status, Duration.ZERO, Optional.empty());
    }
  }

  private final HttpServer server;
  private final Clock clock;
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private Answer otherwise = Answer.status(200);
  private final java.util.Map<String, Integer> arrivals = new java.util.HashMap<>();
  private int refusals;
  private int refusedWith = 200;

  private WebhookReceiver(HttpServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
  }

  /** Listens on a random port of 127.0.0.1 at {@code /hooks}. */
  public static WebhookReceiver start() throws IOException {
    return start(Clock.systemUTC());
  }

  /**
   * Listens on a random port of 127.0.0.1 at {@code /hooks}, judging timestamps by the clock (the
   * sender's, when a test moves it).
   */
  public static WebhookReceiver start(Clock clock) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server, clock);
    server.createContext("/", receiver::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return receiver;
  }

  /** Where messages are to be posted. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
  }

  /** Verifies messages with this secret too. */
  public WebhookReceiver trust(String secret) {
    secrets.add(secret);
    return this;
  }

  /** Answers the next messages so, one answer each, in order. */
  public synchronized WebhookReceiver script(Answer... answers) {
    script.addAll(List.of(answers));
    return this;
  }

  /**
   * Answers the first {@code times} arrivals of each message (by {@code webhook-id}) with the
   * status, before the script and the usual answer apply; for retries.
   */
  public synchronized WebhookReceiver refuseEachMessage(int times, int status) {
    refusals = times;
    refusedWith = status;
    return this;
  }

  /** Answers so once the script is used up. */
  public synchronized WebhookReceiver otherwise(Answer answer) {
    otherwise = answer;
    return this;
  }

  /** Every message so far, in arrival order. */
  public List<Received> received() {
    return new ArrayList<>(received);
  }

  /** The messages so far that match. */
  public List<Received> received(Predicate<Received> matching) {
    return received.stream().filter(matching).toList();
  }

  private synchronized Answer next(String id) {
    int arrival = arrivals.merge(id, 1, Integer::sum);
    if (arrival <= refusals) {
      return Answer.status(refusedWith);
    }
    Answer scripted = script.poll();
    return scripted == null ? otherwise : scripted;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String id = header(exchange, "webhook-id");
      String timestamp = header(exchange, "webhook-timestamp");
      String signature = header(exchange, "webhook-signature");
      Optional<String> problem = Optional.of("no trusted secret");
      for (String secret : secrets) {
        problem =
            StandardWebhooksVerifier.problem(
                secret, id, timestamp, signature, body, clock.instant());
        if (problem.isEmpty()) {
          break;
        }
      }
      Answer answer = problem.isPresent() ? Answer.status(401) : next(id);
      received.add(
          new Received(
              id,
              timestamp,
              signature,
              header(exchange, "content-type"),
              header(exchange, "user-agent"),
              new String(body, StandardCharsets.UTF_8),
              problem,
              answer.status()));
      if (!answer.delay().isZero()) {
        try {
          Thread.sleep(answer.delay());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      answer.location().ifPresent(to -> exchange.getResponseHeaders().add("Location", to));
      exchange.sendResponseHeaders(answer.status(), -1);
    }
  }

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

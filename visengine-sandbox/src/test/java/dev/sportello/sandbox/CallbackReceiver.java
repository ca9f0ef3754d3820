package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A webhook receiver on a JDK HTTP server: it records each callback delivery and answers 200, or
 * the statuses a test scripts. Waiting for a delivery uses a generous timeout, never an assertion
 * on timing.
 */
final class CallbackReceiver implements AutoCloseable {

  private static final long WAIT_SECONDS = 20;

  /** A delivery as the receiver saw it; {@code header} is the test's custom header, if sent. */
  record Received(String contentType, Optional<String> header, String body) {}

  /** The custom header tests register with DocuEngine callbacks. */
  static final String HEADER = "X-Order-Token";

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
  private final HttpServer server;

  CallbackReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException unavailable) {
      throw new UncheckedIOException(unavailable);
    }
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                  Optional.ofNullable(exchange.getRequestHeaders().getFirst(HEADER)),
                  body));
          @Nullable Integer status;
          synchronized (scriptedStatuses) {
            status = scriptedStatuses.pollFirst();
          }
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://"
        + InetAddress.getLoopbackAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort()
        + "/hook";
  }

  /** The next deliveries are answered with these statuses, in order. */
  void script(int... statuses) {
    synchronized (scriptedStatuses) {
      for (int status : statuses) {
        scriptedStatuses.add(status);
      }
    }
  }

  Received next() throws InterruptedException {
    Received delivery = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(delivery).as("a callback delivery").isNotNull();
    return delivery;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

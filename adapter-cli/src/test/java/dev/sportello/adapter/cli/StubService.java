package dev.sportello.adapter.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A stand-in for the service's REST API: it answers the calls with the replies queued, in order,
 * and remembers what it was asked.
 */
final class StubService implements AutoCloseable {
  static final String API_KEY = "cli-test-api-key";

  /** A reply to send: its status and JSON body. */
  record Reply(int status, String body) {}

  /** A call received. */
  record Call(
      String method,
      URI uri,
      @Nullable String authorization,
      @Nullable String idempotencyKey,
      String body) {}

  /** What a command printed, and its exit code. */
  record Run(int exitCode, String out, String err) {}

  @Command(name = "sportello")
  static final class Root {}

  private final HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  StubService() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  StubService reply(int status, String body) {
    synchronized (replies) {
      replies.add(new Reply(status, body));
    }
    return this;
  }

  /** Runs a command of the adapter against this service, with its key. */
  Run run(String... args) {
    return run(
        new CliSettings(io.vavr.control.Either.right(url()), io.vavr.control.Option.some(API_KEY)),
        args);
  }

  static Run run(CliSettings settings, String... args) {
    CommandLine root = new CommandLine(new Root());
    CliAdapter.commands(settings).forEach(root::addSubcommand);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    root.setOut(new PrintWriter(out, true));
    root.setErr(new PrintWriter(err, true));
    int exitCode = root.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  private void answer(HttpExchange exchange) throws IOException {
    calls.add(
        new Call(
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    Reply reply;
    synchronized (replies) {
      reply =
          replies.isEmpty() ? new Reply(500, "{\"title\": \"no reply queued\"}") : replies.poll();
    }
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

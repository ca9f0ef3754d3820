package dev.sportello.adapter.console;

import dev.sportello.application.port.in.GetRequestUseCase;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.domain.request.CertificateRequest;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request's page kept up to date by server-sent events. Each open stream reads the request again
 * at a fixed pace and sends the page's live part when its version moved; it ends when nothing can
 * change any more, when its session ends, or when the browser goes away. Reading the stored request
 * rather than listening to this instance's events sees changes made by any instance over the same
 * store. Each stream is a virtual thread that sleeps between reads; how many are open is bounded
 * per session and overall.
 */
final class LiveRequests {
  /** The event that carries the live part's new HTML, with the version as its id. */
  static final String UPDATE = "request";

  /** The event that carries the new status in a sentence, for the page's live region. */
  static final String STATUS = "status";

  /** The event after which the page closes its stream: there is nothing more to follow. */
  static final String END = "end";

  /** Streams per session: a few tabs, below the browser's connections per site. */
  static final int MAX_PER_SESSION = 3;

  /** Streams of all sessions together. */
  static final int MAX_OVERALL = 1_000;

  /** How often a stream reads its request. */
  static final Duration READ_EVERY = Duration.ofSeconds(1);

  /**
   * A comment after this much silence, so that proxies keep the stream and a gone browser shows.
   */
  private static final Duration HEARTBEAT_AFTER = Duration.ofSeconds(15);

  private static final Logger LOG = LoggerFactory.getLogger(LiveRequests.class);

  private final GetRequestUseCase requests;
  private final Listings listings;
  private final Sessions sessions;
  private final Templates templates;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> openBySession = new HashMap<>();
  private int open;

  LiveRequests(
      GetRequestUseCase requests, Listings listings, Sessions sessions, Templates templates) {
    this.requests = requests;
    this.listings = listings;
    this.sessions = sessions;
    this.templates = templates;
  }

  /** What one stream follows, in which session, and what the page shows already. */
  private record Stream(String sessionId, RequestQuery query, Page page, String shown) {}

  /** Opens a stream of the request the address names, for its caller only. */
  void follow(Visit visit) {
    Context ctx = visit.ctx();
    Session session = visit.session().getOrElseThrow(() -> new IllegalStateException("signed in"));
    RequestQuery query = new RequestQuery(session.caller(), ctx.pathParam("id"));
    Either<UseCaseError, CertificateRequest> found = requests.get(query);
    if (found.isLeft()) {
      throw found.getLeft() instanceof UseCaseError.StorageUnavailable
          ? new HttpResponseException(503)
          : new NotFoundResponse();
    }
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new HttpResponseException(406);
    }
    if (!reserve(session.id())) {
      ctx.header("Retry-After", "10");
      throw new HttpResponseException(429);
    }
    // A browser that reconnects by itself says what it got last; a page first says what it shows.
    String shown =
        Option.of(ctx.header("Last-Event-ID"))
            .orElse(Option.of(ctx.queryParam("since")))
            .getOrElse("");
    Stream stream = new Stream(session.id(), query, visit.page("requests.request.title"), shown);
    ctx.disableCompression();
    new SseHandler(
            client -> {
              clients.add(client);
              client.onClose(() -> {
                clients.remove(client);
                release(session.id());
              });
              client.keepAlive();
              Thread.ofVirtual().name("console-request-stream").start(() -> run(client, stream));
            })
        .handle(ctx);
  }

  /** Ends every open stream, when the server stops. */
  void closeAll() {
    clients.forEach(SseClient::close);
  }

  private synchronized boolean reserve(String sessionId) {
    int ofSession = openBySession.getOrDefault(sessionId, 0);
    if (open >= MAX_OVERALL || ofSession >= MAX_PER_SESSION) {
      return false;
    }
    open++;
    openBySession.put(sessionId, ofSession + 1);
    return true;
  }

  private synchronized void release(String sessionId) {
    open--;
    openBySession.computeIfPresent(sessionId, (id, count) -> count > 1 ? count - 1 : null);
  }

  private void run(SseClient client, Stream stream) {
    try {
      follow(client, stream);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException failure) {
      LOG.error("a request stream failed with {}", failure.getClass().getName());
    } finally {
      client.close();
    }
  }

  private void follow(SseClient client, Stream stream) throws InterruptedException {
    String shown = stream.shown();
    long quietSince = System.nanoTime();
    while (!client.terminated() && sessions.isOpen(stream.sessionId())) {
      Either<UseCaseError, CertificateRequest> read = requests.get(stream.query());
      if (read.isLeft() && read.getLeft() instanceof UseCaseError.NotFound) {
        break;
      }
      if (read.isRight()) {
        CertificateRequest request = read.get();
        String version = TrackedRequest.version(request);
        if (!version.equals(shown)) {
          if (!send(client, UPDATE, render(request, stream), version)
              || !send(client, STATUS, announce(request, stream), version)) {
            return;
          }
          shown = version;
          quietSince = System.nanoTime();
        }
        if (TrackedRequest.settled(request)) {
          break;
        }
      }
      if (System.nanoTime() - quietSince >= HEARTBEAT_AFTER.toNanos()) {
        if (!heartbeat(client)) {
          return;
        }
        quietSince = System.nanoTime();
      }
      Thread.sleep(READ_EVERY);
    }
    send(client, END, END, shown);
  }

  private String render(CertificateRequest request, Stream stream) {
    TrackedRequest view =
        new TrackedRequest(
            request, stream.page().text(), listings.of(request, stream.query().caller()));
    return templates.render("requestLive.jte", Map.of("page", stream.page(), "view", view));
  }

  /** The status in a sentence, which screen readers announce without reading the whole part. */
  private String announce(CertificateRequest request, Stream stream) {
    return templates.render(
        "requestStatus.jte",
        Map.of(
            "page",
            stream.page(),
            "status",
            TrackedRequest.statusName(request.status(), stream.page().text())));
  }

  /**
   * Sends an event; false when the stream has ended, which the browser may do at any moment, even
   * between the check and the write.
   */
  private static boolean send(SseClient client, String event, String data, String id) {
    try {
      client.sendEvent(event, data, id);
    } catch (IllegalStateException ended) {
      return false;
    }
    return !client.terminated();
  }

  private static boolean heartbeat(SseClient client) {
    try {
      client.sendComment("");
    } catch (IllegalStateException ended) {
      return false;
    }
    return !client.terminated();
  }
}

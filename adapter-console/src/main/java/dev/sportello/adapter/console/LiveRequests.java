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
 * per session, per caller and overall.
 *
 * <p>Following a request is not its person's activity: a page left open on an unattended screen
 * would otherwise keep a session that can order paid documents signed in for as long as its request
 * takes, weeks at times. When the session ends, the page is told so in words, with the way back.
 */
final class LiveRequests {
  /** The event that carries the live part's new HTML, with the version as its id. */
  static final String UPDATE = "request";

  /** The event that carries the new status in a sentence, for the page's live region. */
  static final String STATUS = "status";

  /**
   * The event that tells, in the page's alert region, that the session ended and how to sign in
   * again; the stream then ends.
   */
  static final String SIGNED_OUT = "signedOut";

  /** The event after which the page closes its stream: there is nothing more to follow. */
  static final String END = "end";

  /** Streams per session: a few tabs, below the browser's connections per site. */
  static final int MAX_PER_SESSION = 3;

  /**
   * Streams of one caller's sessions together: a team sharing an API key, each with a few tabs, and
   * still a small share of all.
   */
  static final int MAX_PER_CALLER = 30;

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
  private final StreamSlots slots = new StreamSlots(MAX_PER_SESSION, MAX_PER_CALLER, MAX_OVERALL);

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
    Option<StreamSlots.Slot> reserved = slots.reserve(session.id(), session.caller());
    if (reserved.isEmpty()) {
      ctx.header("Retry-After", "10");
      throw new HttpResponseException(429);
    }
    StreamSlots.Slot slot = reserved.get();
    // A browser that reconnects by itself says what it got last; a page first says what it shows.
    String shown =
        Option.of(ctx.header("Last-Event-ID"))
            .orElse(Option.of(ctx.queryParam("since")))
            .getOrElse("");
    Stream stream = new Stream(session.id(), query, visit.page("requests.request.title"), shown);
    ctx.disableCompression();
    try {
      new SseHandler(client -> start(client, stream, slot)).handle(ctx);
    } catch (Exception failure) {
      // Before the stream began, such as a browser gone before the headers could be sent (an
      // IOException, which the handler does not declare): no stream holds the slot.
      slot.release();
      if (failure instanceof RuntimeException unexpected) {
        throw unexpected;
      }
    }
  }

  /** Starts a stream, which from now on holds the slot until it ends, however it ends. */
  private void start(SseClient client, Stream stream, StreamSlots.Slot slot) {
    try {
      clients.add(client);
      client.onClose(() -> end(client, slot));
      client.keepAlive();
      Thread.ofVirtual().name("console-request-stream").start(() -> run(client, stream, slot));
    } catch (RuntimeException failure) {
      LOG.error("a request stream could not start: {}", failure.getClass().getName());
      end(client, slot);
      client.close();
    }
  }

  private void end(SseClient client, StreamSlots.Slot slot) {
    clients.remove(client);
    slot.release();
  }

  /** Ends every open stream, when the server stops. */
  void closeAll() {
    clients.forEach(SseClient::close);
  }

  private void run(SseClient client, Stream stream, StreamSlots.Slot slot) {
    try {
      follow(client, stream);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException failure) {
      LOG.error("a request stream failed with {}", failure.getClass().getName());
    } finally {
      end(client, slot);
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
    if (!sessions.isOpen(stream.sessionId())
        && !send(client, SIGNED_OUT, signedOut(stream), shown)) {
      return;
    }
    send(client, END, END, shown);
  }

  private String signedOut(Stream stream) {
    return templates.render(
        "requestSignedOut.jte",
        Map.of("page", stream.page(), "requestId", stream.query().requestId()));
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

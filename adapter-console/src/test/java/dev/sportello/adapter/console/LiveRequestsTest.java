package dev.sportello.adapter.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.testing.TestApplication;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveRequestsTest {
  private final TestApplication app = TestApplication.create();
  private final Orders orders = new Orders(app);
  private final Browser browser = new Browser(app.useCases());
  private final SessionClient session;

  LiveRequestsTest() {
    browser.signIn();
    session = new SessionClient(browser);
  }

  @AfterEach
  void close() {
    browser.close();
  }

  private Iterator<String> follow(CertificateRequest request) throws Exception {
    return open(request).iterator();
  }

  /** Opens a stream of the request from the version given, as its page would. */
  private Stream<String> open(CertificateRequest request) throws Exception {
    HttpResponse<Stream<String>> stream = session.events(events(request)).get(10, TimeUnit.SECONDS);
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    return stream.body();
  }

  private static String events(CertificateRequest request) {
    return "/requests/" + request.id().value() + "/events?since=" + TrackedRequest.version(request);
  }

  /**
   * Whether a stream of the request opens within a few seconds: a slot freed by a stream that ended
   * is freed just after its last event.
   */
  private boolean opensSoon(CertificateRequest request) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      HttpResponse<Stream<String>> stream =
          session.events(events(request)).get(10, TimeUnit.SECONDS);
      stream.body().close();
      if (stream.statusCode() == 200) {
        return true;
      }
      Thread.onSpinWait();
    }
    return false;
  }

  /** The lines of the next event of this name, its id included; comments and others skipped. */
  private static List<String> next(Iterator<String> lines, String event) {
    List<String> block = new ArrayList<>();
    while (lines.hasNext()) {
      String line = lines.next();
      if (!line.isEmpty()) {
        block.add(line);
      } else if (block.contains("event: " + event)) {
        return block;
      } else {
        block.clear();
      }
    }
    throw new AssertionError("the stream ended before an event " + event);
  }

  @Test
  void aStreamSendsTheRequestWhenItChanges() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    Iterator<String> lines = follow(request);

    CertificateRequest changed = orders.advance(request, RequestStatus.DATA_AVAILABLE);

    List<String> update = next(lines, LiveRequests.UPDATE);
    assertThat(update).contains("id: " + TrackedRequest.version(changed));
    assertThat(String.join("\n", update)).contains("<strong>Data available</strong>");
  }

  @Test
  void aPageOlderThanTheRequestCatchesUpAsSoonAsItsStreamOpens() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    CertificateRequest changed = orders.advance(request, RequestStatus.DATA_AVAILABLE);

    Iterator<String> lines = follow(request);

    assertThat(next(lines, LiveRequests.UPDATE)).contains("id: " + TrackedRequest.version(changed));
  }

  @Test
  void aChangeIsAnnouncedInASentence() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    Iterator<String> lines = follow(request);

    orders.advance(request, RequestStatus.DATA_AVAILABLE);

    assertThat(next(lines, LiveRequests.STATUS)).contains("data: Status now: Data available");
  }

  @Test
  void aStreamEndsOnceTheRequestIsFinal() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    Iterator<String> lines = follow(request);

    orders.advance(request, RequestStatus.CANCELLED);

    assertThat(String.join("\n", next(lines, LiveRequests.UPDATE))).contains("Cancelled");
    next(lines, LiveRequests.END);
    while (lines.hasNext()) {
      lines.next();
    }
  }

  @Test
  void aStreamEndsWhenItsSessionEnds() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    Iterator<String> lines = follow(request);

    browser.post(SignIn.SIGN_OUT, Map.of());

    next(lines, LiveRequests.END);
  }

  @Test
  void aStreamEndedBySigningOutSaysSoWithTheWayBackBeforeItEnds() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    Iterator<String> lines = follow(request);

    browser.post(SignIn.SIGN_OUT, Map.of());

    assertThat(String.join("\n", next(lines, LiveRequests.SIGNED_OUT)))
        .contains("You have been signed out, so this page no longer follows the request.")
        .contains(
            "<a href=\"/requests/"
                + request.id().value()
                + "\">Sign in again to keep following it.</a>");
    next(lines, LiveRequests.END);
  }

  @Test
  void aStreamEndedByTheRequestSaysNothingOfSigningOut() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    Iterator<String> lines = follow(request);

    orders.advance(request, RequestStatus.CANCELLED);

    List<String> rest = new ArrayList<>();
    lines.forEachRemaining(rest::add);
    assertThat(rest).contains("event: " + LiveRequests.END);
    assertThat(rest).doesNotContain("event: " + LiveRequests.SIGNED_OUT);
  }

  @Test
  void aSessionFollowsAtMostAFewRequestsAtOnce() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    for (int open = 0; open < LiveRequests.MAX_PER_SESSION; open++) {
      follow(request);
    }

    HttpResponse<java.util.stream.Stream<String>> refused =
        session.events("/requests/" + request.id().value() + "/events").get(10, TimeUnit.SECONDS);

    assertThat(refused.statusCode()).isEqualTo(429);
  }

  @Test
  void aStreamThatEndedFreesItsSlot() throws Exception {
    CertificateRequest ending = orders.place(Browser.ALICE, Orders.PLAIN);
    List<Iterator<String>> streams = new ArrayList<>();
    for (int open = 0; open < LiveRequests.MAX_PER_SESSION; open++) {
      streams.add(follow(ending));
    }

    orders.advance(ending, RequestStatus.CANCELLED);
    for (Iterator<String> stream : streams) {
      next(stream, LiveRequests.END);
    }

    assertThat(opensSoon(orders.place(Browser.ALICE, Orders.PLAIN))).isTrue();
  }

  @Test
  void aStreamWhoseBrowserWentAwayFreesItsSlot() throws Exception {
    CertificateRequest request = orders.place(Browser.ALICE, Orders.PLAIN);
    Stream<String> gone = open(request);
    for (int open = 1; open < LiveRequests.MAX_PER_SESSION; open++) {
      follow(request);
    }

    gone.close();
    orders.advance(request, RequestStatus.DATA_AVAILABLE);

    assertThat(opensSoon(orders.place(Browser.ALICE, Orders.PLAIN))).isTrue();
  }

  @Test
  void anotherCallersRequestCannotBeFollowed() throws Exception {
    CertificateRequest bobs = orders.place("bob", Orders.PLAIN);

    HttpResponse<java.util.stream.Stream<String>> refused =
        session.events("/requests/" + bobs.id().value() + "/events").get(10, TimeUnit.SECONDS);

    assertThat(refused.statusCode()).isEqualTo(404);
  }
}

package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.ListRequestsUseCase.RequestListing;
import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import dev.sportello.application.port.in.ValidationReport;
import dev.sportello.domain.request.DocumentRef;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Throws malformed bodies, headers and paths at every route: the answer is never a 5xx, and every
 * refusal is a problem.
 */
class FuzzTest {
  private static final String ID = Fixtures.CERTIFICATE_ID;

  @SuppressWarnings("NullAway.Init") // set before any property runs
  private static Harness api;

  @BeforeContainer
  static void start() {
    api =
        new Harness(settings ->
            new RestSettings(
                settings.host(), 0, 64 * 1024, settings.apiKeys(), settings.webhookWait()));
    var request = Either.right(Fixtures.busyRequest("req-1", "alice"));
    when(api.browse.browse(any())).thenReturn(Either.right(List.of(Fixtures.entry())));
    when(api.describe.describe(any())).thenReturn(Either.right(Fixtures.description()));
    when(api.validate.validate(any()))
        .thenReturn(
            Either.right(new ValidationReport(List.empty(), Option.some(Fixtures.quote()), false)));
    when(api.submit.submit(any())).thenAnswer(call -> request);
    when(api.get.get(any())).thenAnswer(call -> request);
    when(api.list.list(any()))
        .thenReturn(
            Either.right(
                new RequestListing(List.of(Fixtures.request("req-1", "alice")), Option.none())));
    when(api.addSearch.addSearch(any())).thenAnswer(call -> request);
    when(api.select.select(any())).thenAnswer(call -> request);
    when(api.cancel.cancel(any())).thenAnswer(call -> request);
    when(api.refresh.refresh(any())).thenAnswer(call -> request);
    when(api.notifications.handle(any())).thenAnswer(call -> request);
    byte[] archive = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
    when(api.retrieve.retrieve(any()))
        .thenAnswer(call ->
            Either.right(
                new RetrievedDocument(
                    new DocumentRef("d.zip", archive.length, "b".repeat(64)),
                    new ByteArrayInputStream(archive))));
  }

  @AfterContainer
  static void stop() {
    api.close();
  }

  private static final java.util.List<String> POSTS =
      java.util.List.of(
          "/api/v1/certificates/" + ID + "/validation",
          "/api/v1/certificates/" + ID + "/validation?upstream=true",
          "/api/v1/requests",
          "/api/v1/requests/req-1/searches",
          "/api/v1/requests/req-1/selection",
          "/api/v1/requests/req-1/cancellation",
          "/api/v1/requests/req-1/refresh",
          "/webhooks/visengine/req-1.abc");

  private static final java.util.List<String> GETS =
      java.util.List.of(
          "/api/v1/certificates",
          "/api/v1/certificates/" + ID,
          "/api/v1/requests",
          "/api/v1/requests/req-1",
          "/api/v1/requests/req-1/document",
          "/api/v1/requests/req-1/document/files",
          "/api/v1/requests/req-1/document/files/a.pdf",
          "/health/live",
          "/health/ready",
          "/metrics",
          "/api/v1/openapi.yaml",
          "/docs");

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "null",
            "true",
            "-1",
            "1e999",
            "\"$0\"",
            "\"values\"",
            "\"extras\"",
            "\"certificateId\"",
            "\"index\"",
            "\"searchId\"",
            "\"reason\"",
            "{\"values\":",
            "\\u0000",
            "\uD83D\uDE00",
            "\u00e0",
            " ",
            "\n",
            "9999999999999999999999");
    Arbitrary<String> jsonish = fragments.list().ofMaxSize(40).map(parts -> String.join("", parts));
    return Arbitraries.oneOf(jsonish, Arbitraries.strings().ofMaxLength(200), Arbitraries.just(""));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "application/json",
            "application/json; charset=utf-8",
            "APPLICATION/JSON",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/problem+json",
            ";",
            "application/json; charset=nonsense"),
        Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40));
  }

  @Property(tries = 300)
  void malformedBodiesNeverCauseServerErrors(
      @ForAll("bodies") String body, @ForAll("contentTypes") String contentType) {
    for (String path : POSTS) {
      var reply =
          api.send(
              api.as(Harness.ALICE_KEY, path)
                  .header("Content-Type", contentType)
                  .header("Idempotency-Key", "fuzz")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertSafe(reply.status(), reply.header("Content-Type"), reply.text());
    }
  }

  @Provide
  Arbitrary<String> segments() {
    Arbitrary<String> printable = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(30);
    Arbitrary<String> encoded =
        Arbitraries.integers()
            .between(0, 255)
            .list()
            .ofMaxSize(10)
            .map(bytes -> {
              StringBuilder text = new StringBuilder();
              bytes.forEach(b -> text.append('%').append(String.format("%02X", b)));
              return text.toString();
            });
    return Arbitraries.oneOf(
        printable,
        encoded,
        Arbitraries.of("..", ".", "%2e%2e", "//", "%2F", "%", "%zz", ";x=1", "?a=%"));
  }

  @Provide
  Arbitrary<String> headerValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),
        Arbitraries.of(
            "bytes=",
            "bytes=-0",
            "bytes=0-0",
            "bytes=99999999999999999999-",
            "Bearer",
            "*",
            "\"x\""));
  }

  @Property(tries = 300)
  void malformedPathsAndHeadersNeverCauseServerErrors(
      @ForAll("segments") String segment,
      @ForAll("headerValues") String value,
      @ForAll("methods") String method)
      throws IOException {
    var bases = new java.util.ArrayList<String>(GETS);
    bases.addAll(POSTS);
    for (String base : bases) {
      String path =
          base.contains("?") ? base : base + (segment.startsWith("?") ? "" : "/") + segment;
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + "Authorization: Bearer "
              + Harness.ALICE_KEY
              + "\r\nRange: "
              + value
              + "\r\nIf-None-Match: "
              + value
              + "\r\nIf-Range: "
              + value
              + "\r\nIdempotency-Key: "
              + value
              + "\r\nContent-Type: "
              + value
              + "\r\nContent-Length: 2\r\n\r\n{}";
      String answer = raw(head);
      assertSafe(status(answer), header(answer, "Content-Type"), answer);
    }
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "BREW");
  }

  @Property(tries = 200)
  void garbageAuthorizationIsUnauthorizedNeverAnError(@ForAll("headerValues") String authorization)
      throws IOException {
    String answer =
        raw(
            "GET /api/v1/requests/req-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: "
                + authorization
                + "\r\n\r\n");
    int status = status(answer);
    assertThat(status).as(answer).isIn(400, 401);
  }

  private static void assertSafe(int status, String contentType, String text) {
    assertThat(status).as(text).isBetween(200, 499);
    if (status >= 400) {
      assertThat(contentType).as(text).startsWith("application/problem+json");
    }
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static String raw(String request) throws IOException {
    try (Socket socket =
        new Socket(java.net.InetAddress.getLoopbackAddress(), api.adapter.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(64 * 1024);
      return new String(answer, StandardCharsets.ISO_8859_1);
    }
  }

  private static int status(String answer) {
    assertThat(answer).startsWith("HTTP/1.1 ");
    return Integer.parseInt(answer.substring(9, 12));
  }

  private static String header(String answer, String name) {
    for (String line : answer.split("\r\n", -1)) {
      if (line.isEmpty()) {
        break;
      }
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return "";
  }
}

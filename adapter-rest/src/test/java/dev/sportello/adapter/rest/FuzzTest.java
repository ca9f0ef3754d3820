package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.ListRequestsUseCase.RequestListing;
import dev.sportello.application.port.in.RetrieveDocumentUseCase.RetrievedDocument;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.in.ValidationReport;
import dev.sportello.application.port.in.WebhookDeliveriesUseCase.DeliveryListing;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.webhook.WebhookEndpoint;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.statistics.Statistics;

/**
 * Throws malformed bodies, headers and paths at every route: the answer is never a 5xx, and every
 * refusal is a problem. Each try sends one generated request; the statistics show how they spread
 * over the routes, and every route must be hit.
 *
 * <p>The default run is short. A long campaign sets the tries of each property, for example {@code
 * -Dsportello.fuzz.tries=34000} for about 100 000 requests in all.
 */
@AddLifecycleHook(FuzzTest.Campaign.class)
class FuzzTest {
  private static final String ID = Fixtures.CERTIFICATE_ID;
  static final String TRIES_PROPERTY = "sportello.fuzz.tries";

  /** Overrides every property's tries when {@value #TRIES_PROPERTY} is set. */
  static final class Campaign implements AroundPropertyHook {
    /** Registered on the class, it must reach the properties inside. */
    @Override
    public PropagationMode propagateTo() {
      return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(
        PropertyLifecycleContext context, PropertyExecutor property) {
      String tries = System.getProperty(TRIES_PROPERTY, "");
      if (!tries.isBlank()) {
        context.attributes().setTries(Integer.parseInt(tries.strip()));
      }
      return property.execute();
    }
  }

  @SuppressWarnings("NullAway.Init") // set before any property runs
  private static Harness api;

  @BeforeContainer
  static void start() {
    api = new Harness(settings -> settings.withMaxBodyBytes(4 * 1024 * 1024));
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
    var noEndpoint = Either.<UseCaseError, WebhookEndpoint>left(new UseCaseError.NotFound("none"));
    when(api.webhookEndpoint.register(any()))
        .thenReturn(Either.left(new UseCaseError.NotFound("none")));
    when(api.webhookEndpoint.endpoint(any())).thenReturn(noEndpoint);
    when(api.webhookEndpoint.remove(any())).thenReturn(noEndpoint);
    when(api.webhookEndpoint.rotateSecret(any()))
        .thenReturn(Either.left(new UseCaseError.NotFound("none")));
    when(api.webhookDeliveries.list(any()))
        .thenReturn(Either.right(new DeliveryListing(List.empty(), Option.none())));
    when(api.webhookDeliveries.get(any()))
        .thenReturn(Either.left(new UseCaseError.NotFound("none")));
    when(api.webhookDeliveries.replay(any()))
        .thenReturn(Either.left(new UseCaseError.NotFound("none")));
    byte[] archive = archive();
    when(api.retrieve.retrieve(any()))
        .thenAnswer(call ->
            Either.right(
                new RetrievedDocument(
                    new DocumentRef("d.zip", archive.length, "b".repeat(64)),
                    new ByteArrayInputStream(archive))));
  }

  /** An archive holding {@code a.pdf}. */
  private static byte[] archive() {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("a.pdf"));
      zip.write("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    } catch (IOException impossible) {
      throw new java.io.UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
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
          "/api/v1/webhook-endpoint/secret",
          "/api/v1/webhook-deliveries/msg_abc/replay",
          "/webhooks/visengine/req-1.abc",
          "/webhooks/docuengine");

  private static final java.util.List<String> GETS =
      java.util.List.of(
          "/api/v1/certificates",
          "/api/v1/certificates?engine=docuengine",
          "/api/v1/certificates/" + ID,
          "/api/v1/requests",
          "/api/v1/requests/req-1",
          "/api/v1/requests/req-1/document",
          "/api/v1/requests/req-1/document/files",
          "/api/v1/requests/req-1/document/files/a.pdf",
          "/api/v1/webhook-endpoint",
          "/api/v1/webhook-deliveries",
          "/api/v1/webhook-deliveries/msg_abc",
          "/health/live",
          "/health/ready",
          "/metrics",
          "/api/v1/openapi.yaml",
          "/docs");

  private static final java.util.List<String> ROUTES =
      java.util.stream.Stream.concat(GETS.stream(), POSTS.stream()).distinct().toList();

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

  @Provide
  Arbitrary<String> posts() {
    return Arbitraries.of(POSTS);
  }

  @Property(tries = 1000)
  void malformedBodiesNeverCauseServerErrors(
      @ForAll("posts") String path,
      @ForAll("bodies") String body,
      @ForAll("contentTypes") String contentType) {
    var reply =
        api.send(
            api.as(Harness.ALICE_KEY, path)
                .header("Content-Type", contentType)
                .header("Idempotency-Key", "fuzz")
                .header("X-Sportello-Token", "req-1.abc")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertSafe(reply.status(), reply.header("Content-Type"), reply.text());
    everyRouteIsHit(path, POSTS);
  }

  /** One entry of a values object or an extras array, in the shapes a caller could send. */
  @Provide
  Arbitrary<String> entries() {
    return Arbitraries.of("\"x\"", "\"\"", "null", "1", "{}", "[]", "{\"a\": [1, 2]}");
  }

  /** Counts around the caps and far past them, up to a body of a few megabytes. */
  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 60_000).withDistribution(RandomDistribution.biased()),
        Arbitraries.of(
            Bodies.MAX_EXTRAS,
            Bodies.MAX_EXTRAS + 1,
            Bodies.MAX_VALUES,
            Bodies.MAX_VALUES + 1,
            40_000));
  }

  @Property(tries = 100)
  void largeCollectionsAreRefusedByCountNeverWorkedThrough(
      @ForAll("posts") String path,
      @ForAll("counts") int count,
      @ForAll("entries") String entry,
      @ForAll boolean asExtras) {
    String entries =
        asExtras
            ? java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> entry)
                .collect(java.util.stream.Collectors.joining(",", "{\"extras\": [", "]}"))
            : java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "\"$" + i + "\": " + entry)
                .collect(java.util.stream.Collectors.joining(",", "{\"values\": {", "}}"));
    clearInvocations(api.validate, api.submit, api.addSearch);
    var reply =
        api.send(
            api.as(Harness.ALICE_KEY, path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "fuzz")
                .POST(HttpRequest.BodyPublishers.ofString(entries)));

    assertSafe(reply.status(), reply.header("Content-Type"), reply.text());
    boolean takesValues = path.contains("/validation") || path.endsWith("/requests");
    boolean counted = takesValues || (!asExtras && path.endsWith("/searches"));
    int cap = asExtras ? Bodies.MAX_EXTRAS : Bodies.MAX_VALUES;
    if (counted && count > cap) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.text()).contains(asExtras ? "too_many_extras" : "too_many_values");
      verifyNoInteractions(api.validate, api.submit, api.addSearch);
    }
    Statistics.label("refused by count").collect(counted && count > cap);
    Statistics.label("refused by count")
        .coverage(coverage -> coverage.check(true).percentage(share -> share > 10));
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

  @Provide
  Arbitrary<String> routes() {
    return Arbitraries.of(ROUTES);
  }

  @Property(tries = 1000)
  void malformedPathsAndHeadersNeverCauseServerErrors(
      @ForAll("routes") String route,
      @ForAll("segments") String segment,
      @ForAll("headerValues") String value,
      @ForAll("methods") String method)
      throws IOException {
    String path =
        route.contains("?") ? route : route + (segment.startsWith("?") ? "" : "/") + segment;
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
    String answer = api.raw(head);

    assertSafe(Harness.status(answer), Harness.header(answer, "Content-Type"), answer);
    everyRouteIsHit(route, ROUTES);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "BREW");
  }

  @Property(tries = 300)
  void garbageAuthorizationIsUnauthorizedNeverAnError(@ForAll("headerValues") String authorization)
      throws IOException {
    String answer =
        api.raw(
            "GET /api/v1/requests/req-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: "
                + authorization
                + "\r\n\r\n");
    int status = Harness.status(answer);
    assertThat(status).as(answer).isIn(400, 401);
  }

  /**
   * Counts the route and, once the property is done, fails unless every route was tried. Routes are
   * drawn at random, so this is asked only of runs long enough to expect it: 20 tries a route.
   */
  private static void everyRouteIsHit(String route, java.util.List<String> routes) {
    Statistics.label("route").collect(route);
    int enough = 20 * routes.size();
    Statistics.label("route")
        .coverage(coverage ->
            routes.forEach(each ->
                coverage
                    .check(each)
                    .count((Integer hits, Integer tries) -> hits > 0 || tries < enough)));
  }

  private static void assertSafe(int status, String contentType, String text) {
    assertThat(status).as(text).isBetween(200, 499);
    if (status >= 400) {
      assertThat(contentType).as(text).startsWith("application/problem+json");
    }
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
  }
}

package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.domain.request.LifecycleError;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.spending.CapReached;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every use-case error, on every route that calls a use case, becomes its status and problem. */
class ErrorMappingTest {
  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            new UseCaseError.InvalidInput(
                List.of(
                    new Violation(
                        "$0",
                        "Codice fiscale",
                        "codice_fiscale.check_character",
                        "wrong check character"),
                    Violation.general("rule", "required", "add $1"))),
            400,
            "invalid_input"),
        Arguments.of(new UseCaseError.NotFound("no request req-9"), 404, "not_found"),
        Arguments.of(
            new UseCaseError.KeyReusedWithAnotherBody(new RequestId("req-1")),
            422,
            "idempotency_key_reused"),
        Arguments.of(
            new UseCaseError.StillBeingCreated(Duration.ofMillis(2500)),
            409,
            "request_in_progress"),
        Arguments.of(
            new UseCaseError.ConcurrentChange("the request changed meanwhile; try again"),
            409,
            "concurrent_change"),
        Arguments.of(
            new UseCaseError.LifecycleRefused(
                new LifecycleError.IllegalTransition(
                    RequestStatus.FULFILLED, RequestStatus.CANCELLED)),
            409,
            "lifecycle_refused"),
        Arguments.of(
            new UseCaseError.UpstreamConflict("the request is not searching"),
            409,
            "upstream_conflict"),
        Arguments.of(
            new UseCaseError.NotReady("the document is not available yet"), 409, "not_ready"),
        Arguments.of(new UseCaseError.PaymentRequired("credit exhausted"), 402, "payment_required"),
        Arguments.of(
            new UseCaseError.SpendingCapReached(
                new CapReached(
                    new SpendingCap(SpendingPeriod.DAY, Money.ofCents(5000)),
                    Money.ofCents(3781),
                    Money.ofCents(1220),
                    Instant.parse("2025-03-01T23:00:00Z")),
                Duration.ofMillis(3_600_001)),
            402,
            "spending_cap_reached"),
        Arguments.of(
            new UseCaseError.UpstreamRejected("239", "already closed"), 422, "upstream_rejected"),
        Arguments.of(new UseCaseError.UpstreamUnavailable("timeout"), 503, "upstream_unavailable"),
        Arguments.of(
            new UseCaseError.StorageUnavailable("database down"), 503, "storage_unavailable"));
  }

  /** Each route, stubbed to fail with the error, and the call that reaches it. */
  private java.util.List<BiFunction<Harness, UseCaseError, Harness.Reply>> routes() {
    String cert = "/api/v1/certificates/" + Fixtures.CERTIFICATE_ID;
    return java.util.List.of(
        (h, e) -> {
          when(h.browse.browse(any())).thenReturn(Either.left(e));
          return h.get("/api/v1/certificates");
        },
        (h, e) -> {
          when(h.describe.describe(any())).thenReturn(Either.left(e));
          return h.get(cert);
        },
        (h, e) -> {
          when(h.validate.validate(any())).thenReturn(Either.left(e));
          return h.post(cert + "/validation", "{}");
        },
        (h, e) -> {
          when(h.submit.submit(any())).thenReturn(Either.left(e));
          return h.send(
              h.as(Harness.ALICE_KEY, "/api/v1/requests")
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", "k")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"certificateId\": \"x\"}")));
        },
        (h, e) -> {
          when(h.list.list(any())).thenReturn(Either.left(e));
          return h.get("/api/v1/requests");
        },
        (h, e) -> {
          when(h.get.get(any())).thenReturn(Either.left(e));
          return h.get("/api/v1/requests/req-9");
        },
        (h, e) -> {
          when(h.addSearch.addSearch(any())).thenReturn(Either.left(e));
          return h.post("/api/v1/requests/req-9/searches", "{\"values\": {}}");
        },
        (h, e) -> {
          when(h.select.select(any())).thenReturn(Either.left(e));
          return h.post("/api/v1/requests/req-9/selection", "{\"searchId\": \"s\", \"index\": 0}");
        },
        (h, e) -> {
          when(h.cancel.cancel(any())).thenReturn(Either.left(e));
          return h.post("/api/v1/requests/req-9/cancellation", "{\"reason\": \"r\"}");
        },
        (h, e) -> {
          when(h.refresh.refresh(any())).thenReturn(Either.left(e));
          return h.send(
              h.as(Harness.ALICE_KEY, "/api/v1/requests/req-9/refresh")
                  .POST(HttpRequest.BodyPublishers.noBody()));
        },
        (h, e) -> {
          when(h.retrieve.retrieve(any())).thenReturn(Either.left(e));
          return h.get("/api/v1/requests/req-9/document");
        },
        (h, e) -> {
          when(h.retrieve.retrieve(any())).thenReturn(Either.left(e));
          return h.get("/api/v1/requests/req-9/document/files");
        },
        (h, e) -> {
          when(h.retrieve.retrieve(any())).thenReturn(Either.left(e));
          return h.get("/api/v1/requests/req-9/document/files/a.pdf");
        },
        (h, e) -> {
          when(h.spending.spending(any())).thenReturn(Either.left(e));
          return h.get("/api/v1/spending");
        });
  }

  @ParameterizedTest
  @MethodSource("errors")
  void everyRouteMapsTheError(UseCaseError error, int status, String code) {
    for (var route : routes()) {
      var reply = route.apply(api, error);

      assertThat(reply.status()).isEqualTo(status);
      assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
      var problem = reply.json();
      assertThat(problem.get("status").asInt()).isEqualTo(status);
      assertThat(problem.get("code").asString()).isEqualTo(code);
      assertThat(problem.get("type").asString())
          .isEqualTo("urn:sportello:problem:" + code.replace('_', '-'));
      assertThat(problem.get("detail").asString()).isEqualTo(error.message());
      assertThat(problem.get("instance").asString()).startsWith("/api/v1/");
      assertThat(reply.text()).doesNotContain("Exception").doesNotContain("at dev.sportello");
      switch (error) {
        case UseCaseError.InvalidInput invalid -> {
          assertThat(problem.get("violations")).hasSize(2);
          var first = problem.get("violations").get(0);
          assertThat(first.get("field").asString()).isEqualTo("$0");
          assertThat(first.get("label").asString()).isEqualTo("Codice fiscale");
          assertThat(first.get("code").asString()).isEqualTo("codice_fiscale.check_character");
          assertThat(first.get("message").asString()).isEqualTo("wrong check character");
        }
        case UseCaseError.UpstreamRejected rejected ->
            assertThat(problem.get("upstreamCode").asString()).isEqualTo("239");
        case UseCaseError.UpstreamUnavailable unavailable ->
            assertThat(reply.header("Retry-After")).isEqualTo("30");
        case UseCaseError.StorageUnavailable unavailable ->
            assertThat(reply.header("Retry-After")).isEqualTo("30");
        case UseCaseError.NotReady notReady ->
            assertThat(reply.header("Retry-After")).isEqualTo("30");
        case UseCaseError.NotFound notFound -> assertThat(problem.has("violations")).isFalse();
        case UseCaseError.KeyReusedWithAnotherBody reused ->
            assertThat(problem.has("upstreamCode")).isFalse();
        case UseCaseError.StillBeingCreated creating ->
            assertThat(reply.header("Retry-After")).isEqualTo("3");
        case UseCaseError.ConcurrentChange changed ->
            assertThat(reply.header("Retry-After")).isEmpty();
        case UseCaseError.LifecycleRefused refused ->
            assertThat(problem.get("detail").asString()).contains("FULFILLED");
        case UseCaseError.UpstreamConflict conflict ->
            assertThat(problem.has("upstreamCode")).isFalse();
        case UseCaseError.PaymentRequired payment -> {
          assertThat(problem.has("upstreamCode")).isFalse();
          assertThat(problem.has("cap")).isFalse();
          assertThat(reply.header("Retry-After")).isEmpty();
        }
        case UseCaseError.SpendingCapReached capped -> {
          assertThat(problem.get("detail").asString()).contains("50.00 EUR per day");
          assertThat(problem.get("cap").get("euros").asString()).isEqualTo("50.00");
          assertThat(problem.get("period").asString()).isEqualTo("day");
          assertThat(problem.get("spent").get("euros").asString()).isEqualTo("37.81");
          assertThat(problem.get("amount").get("euros").asString()).isEqualTo("12.20");
          assertThat(problem.get("amount").get("cents").asLong()).isEqualTo(1220);
          assertThat(problem.get("amount").get("currency").asString()).isEqualTo("EUR");
          assertThat(problem.get("resetsAt").asString()).isEqualTo("2025-03-01T23:00:00Z");
          assertThat(reply.header("Retry-After")).isEqualTo("3601");
        }
      }
    }
  }
}

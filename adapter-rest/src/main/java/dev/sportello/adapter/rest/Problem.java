package dev.sportello.adapter.rest;

import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.spending.CapReached;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Objects;

/**
 * An RFC 9457 problem before it is written: the status, a stable code (the last part of its {@code
 * type}), a title, a detail for the caller, every violation when the input was refused, and headers
 * that go with it (such as {@code Retry-After}).
 *
 * @param status the HTTP status
 * @param code the stable snake-case code
 * @param title the short, fixed summary of the code
 * @param detail what happened this time; never contains a personal value
 * @param violations every problem found in the input; empty for other problems
 * @param upstreamCode upstream's code, when upstream refused the request
 * @param capReached the spending cap an order would exceed, written as extension members
 * @param headers extra response headers
 */
record Problem(
    int status,
    String code,
    String title,
    String detail,
    List<Violation> violations,
    Option<String> upstreamCode,
    Option<CapReached> capReached,
    Map<String, String> headers) {

  static final String TYPE_PREFIX = "urn:sportello:problem:";
  static final String MEDIA_TYPE = "application/problem+json";

  /** Seconds to suggest before retrying when a dependency is down. */
  private static final String RETRY_AFTER_SECONDS = "30";

  Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(violations, "violations");
    Objects.requireNonNull(upstreamCode, "upstreamCode");
    Objects.requireNonNull(capReached, "capReached");
    Objects.requireNonNull(headers, "headers");
  }

  static Problem of(int status, String code, String title, String detail) {
    return new Problem(
        status, code, title, detail, List.empty(), Option.none(), Option.none(), TreeMap.empty());
  }

  /** The request's input is wrong: every violation is listed. */
  static Problem invalid(String detail, List<Violation> violations) {
    return new Problem(
        400,
        "invalid_input",
        "The input is not valid",
        detail,
        violations,
        Option.none(),
        Option.none(),
        TreeMap.empty());
  }

  /** One violation about one part of the request. */
  static Problem invalid(String subject, String code, String message) {
    return invalid(message, List.of(Violation.general(subject, code, message)));
  }

  static Problem notFound(String detail) {
    return of(404, "not_found", "Not found", detail);
  }

  Problem withHeader(String name, String value) {
    return new Problem(
        status,
        code,
        title,
        detail,
        violations,
        upstreamCode,
        capReached,
        headers.put(name, value));
  }

  /** As an exception, to leave a handler from deep inside. */
  ApiProblem raise() {
    return new ApiProblem(this);
  }

  /** The type URI. */
  String type() {
    return TYPE_PREFIX + code.replace('_', '-');
  }

  /**
   * Every use-case error, mapped to a status and a problem. Exhaustive: a new error variant does
   * not compile until it is mapped here.
   */
  static Problem from(UseCaseError error) {
    return switch (error) {
      case UseCaseError.InvalidInput invalid -> invalid(invalid.message(), invalid.violations());
      case UseCaseError.NotFound notFound -> notFound(notFound.message());
      case UseCaseError.KeyReusedWithAnotherBody reused ->
          of(
              422,
              "idempotency_key_reused",
              "The idempotency key was used for another body",
              reused.message());
      case UseCaseError.StillBeingCreated creating ->
          of(
                  409,
                  "request_in_progress",
                  "A request with this idempotency key is still being created",
                  creating.message())
              .withHeader("Retry-After", seconds(creating.retryAfter()));
      case UseCaseError.ConcurrentChange changed ->
          of(409, "concurrent_change", "The request changed meanwhile", changed.message());
      case UseCaseError.LifecycleRefused refused ->
          of(
              409,
              "lifecycle_refused",
              "The request's lifecycle does not allow it now",
              refused.message());
      case UseCaseError.UpstreamConflict conflict ->
          of(
              409,
              "upstream_conflict",
              "Upstream does not allow it in the request's current state",
              conflict.message());
      case UseCaseError.NotReady notReady ->
          of(409, "not_ready", "Not ready yet", notReady.message())
              .withHeader("Retry-After", RETRY_AFTER_SECONDS);
      case UseCaseError.SpendingCapReached capped ->
          new Problem(
                  402,
                  "spending_cap_reached",
                  "The order would go over the caller's spending cap",
                  capped.message(),
                  List.empty(),
                  Option.none(),
                  Option.some(capped.reached()),
                  TreeMap.empty())
              .withHeader("Retry-After", seconds(capped.retryAfter()));
      case UseCaseError.PaymentRequired payment ->
          of(402, "payment_required", "The upstream account cannot pay for it", payment.message());
      case UseCaseError.UpstreamRejected rejected ->
          new Problem(
              422,
              "upstream_rejected",
              "Upstream refused the request",
              rejected.message(),
              List.empty(),
              Option.some(rejected.code()),
              Option.none(),
              TreeMap.empty());
      case UseCaseError.UpstreamUnavailable unavailable ->
          of(503, "upstream_unavailable", "Upstream is unavailable", unavailable.message())
              .withHeader("Retry-After", RETRY_AFTER_SECONDS);
      case UseCaseError.StorageUnavailable unavailable ->
          of(503, "storage_unavailable", "The store is unavailable", unavailable.message())
              .withHeader("Retry-After", RETRY_AFTER_SECONDS);
    };
  }

  /** Whole seconds, rounded up: a client never comes back too early. */
  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return Long.toString(Math.max(1, (millis + 999) / 1000));
  }

  /** A problem thrown out of a handler; carries no stack trace, as it is an expected outcome. */
  static final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised
    private final Problem problem;

    ApiProblem(Problem problem) {
      super(problem.code(), null, false, false);
      this.problem = problem;
    }

    Problem problem() {
      return problem;
    }
  }
}

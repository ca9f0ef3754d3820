package dev.sportello.adapter.micrometer;

import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the application tells its outbound observers in a Micrometer registry, and logs what
 * an operator should see:
 *
 * <ul>
 *   <li>{@code sportello.upstream.calls}, a timer tagged {@code engine}, {@code kind} and {@code
 *       outcome} ({@code ok} or the failure, such as {@code insufficient_credit});
 *   <li>{@code sportello.requests.status.changes}, a counter tagged {@code status} reached;
 *   <li>{@code sportello.requests.status.refused}, a counter tagged {@code from} and {@code to},
 *       with a WARN line naming the request;
 *   <li>{@code sportello.background.failures}, a counter tagged {@code work} and {@code cause},
 *       with a WARN line;
 *   <li>{@code http.server.requests}, a timer tagged as Spring Boot tags it, when an inbound
 *       adapter reports to {@link #answered(String, String, int, Duration)}.
 * </ul>
 *
 * <p>No tag or log line carries a personal value: only request ids, enum names and the failures'
 * operator messages.
 */
public final class MicrometerAdapter implements RemoteCallObserver, RequestEvents {
  private static final Logger LOG = LoggerFactory.getLogger(MicrometerAdapter.class);

  /** Other methods share one label, so that a client cannot add series at will. */
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  private final MeterRegistry registry;

  private MicrometerAdapter(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * An adapter that records into the settings' registry.
   *
   * @param settings where to record
   * @return the adapter, safe to share between threads
   */
  public static MicrometerAdapter create(MicrometerSettings settings) {
    return new MicrometerAdapter(settings.registry());
  }

  @Override
  public void called(
      Engine engine, RemoteCallKind kind, Option<RemoteFailure> failure, Duration latency) {
    Timer.builder("sportello.upstream.calls")
        .description("Calls to the engines, by engine, kind and outcome")
        .tag("engine", engine.name())
        .tag("kind", lower(kind))
        .tag("outcome", failure.map(MicrometerAdapter::outcome).getOrElse("ok"))
        .register(registry)
        .record(latency);
  }

  @Override
  public void statusChanged(RequestId id, RequestStatus from, RequestStatus to, Instant at) {
    Counter.builder("sportello.requests.status.changes")
        .description("Requests that reached a status")
        .tag("status", to.name())
        .register(registry)
        .increment();
  }

  @Override
  public void transitionRefused(RequestId id, RequestStatus from, RequestStatus to, Instant at) {
    LOG.warn(
        "request {}: upstream reported a move from {} to {}, which was not applied", id, from, to);
    Counter.builder("sportello.requests.status.refused")
        .description("Status moves reported upstream that the lifecycle does not allow")
        .tag("from", from.name())
        .tag("to", to.name())
        .register(registry)
        .increment();
  }

  @Override
  public void backgroundFailed(BackgroundFailure failure) {
    LOG.warn(
        "{} failed{} ({}): {}; the next sync cycle tries again",
        lower(failure.work()),
        failure.request().map(id -> " for request " + id).getOrElse(""),
        lower(failure.cause()),
        failure.detail());
    Counter.builder("sportello.background.failures")
        .description("Background work left for the next sync cycle, by work and cause")
        .tag("work", lower(failure.work()))
        .tag("cause", lower(failure.cause()))
        .register(registry)
        .increment();
  }

  /**
   * One HTTP request answered, as {@code http.server.requests}: named and tagged as Spring Boot
   * names them, so that existing dashboards apply. Its signature is that of the REST adapter's
   * {@code HttpObserver}, so that {@code micrometer::answered} is one.
   *
   * @param method the HTTP method; one outside the standard ones is tagged {@code OTHER}, so that a
   *     client cannot add series at will
   * @param route the route template, such as {@code /api/v1/requests/{id}}, never the address
   *     itself (it holds identifiers and tokens)
   * @param status the response status
   * @param duration how long the answer took
   */
  public void answered(String method, String route, int status, Duration duration) {
    Timer.builder("http.server.requests")
        .description("HTTP requests served, by method, route, status and outcome")
        .tag("method", METHODS.contains(method) ? method : "OTHER")
        .tag("uri", route)
        .tag("status", Integer.toString(status))
        .tag("outcome", httpOutcome(status))
        .register(registry)
        .record(duration);
  }

  private static String httpOutcome(int status) {
    return switch (status / 100) {
      case 1 -> "INFORMATIONAL";
      case 2 -> "SUCCESS";
      case 3 -> "REDIRECTION";
      case 4 -> "CLIENT_ERROR";
      case 5 -> "SERVER_ERROR";
      default -> "UNKNOWN";
    };
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** {@code InsufficientCredit} becomes {@code insufficient_credit}. */
  private static String outcome(RemoteFailure failure) {
    return failure
        .getClass()
        .getSimpleName()
        .replaceAll("([a-z])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }
}

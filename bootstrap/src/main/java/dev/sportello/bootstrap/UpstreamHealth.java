package dev.sportello.bootstrap;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.Engine;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each enabled engine works, judged from the calls the service makes anyway and, for an
 * engine it has no good answer from, from the free call {@link UpstreamProbe} makes: a probe that
 * charged would be one more call to a service that bills per call. An engine is not known to work
 * until a call gets through; it stops working when a call finds it unreachable, refuses our
 * credentials, or cannot list the catalogue (a call that names nothing of a client's, so any
 * failure of it is the engine's), and works again after the next call that gets through. The
 * upstream counts as healthy while every enabled engine works.
 *
 * <p>Every failure of the engine itself is logged as a warning naming the engine, the kind of call
 * and the kind of failure (never its message, which may quote an address or a value), at most once
 * a minute per engine, with how many more there were: an outage does not flood the log. Answers
 * about a request itself (refused, not found, not ready) are the request's, not the engine's.
 */
final class UpstreamHealth implements RemoteCallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamHealth.class);

  /** The least time between two warnings of failed calls to one engine. */
  static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

  /** What is known of an engine: the last call's verdict, and what its warnings held back. */
  private record State(
      Option<Boolean> works, Option<String> lastFailure, Option<Instant> warnedAt, int heldBack) {
    static final State UNKNOWN = new State(Option.none(), Option.none(), Option.none(), 0);
  }

  private final Clock clock;
  private final java.util.Map<Engine, State> engines = new java.util.HashMap<>();

  UpstreamHealth(List<Engine> enabled, Clock clock) {
    this.clock = clock;
    enabled.forEach(engine -> engines.put(engine, State.UNKNOWN));
  }

  /**
   * Records the call's verdict. Synchronised: a lock per upstream call is nothing beside the call,
   * and keeps the verdict, the warning and what it held back together.
   */
  @Override
  public synchronized void called(
      Engine engine, RemoteCallKind kind, Option<RemoteFailure> failure, Duration latency) {
    State state = engines.get(engine);
    if (state == null) {
      return;
    }
    Option<String> engineFailure = failure.flatMap(found -> ofTheEngine(kind, found));
    boolean works = failure.isEmpty() || !stopsTheEngine(kind, failure.get());
    Instant now = clock.instant();
    boolean warn =
        engineFailure.isDefined()
            && state.warnedAt().forAll(at -> !now.isBefore(at.plus(WARNING_INTERVAL)));
    engines.put(
        engine,
        new State(
            Option.some(works),
            engineFailure.map(what -> kind(kind) + " call: " + what).orElse(state.lastFailure()),
            warn ? Option.some(now) : state.warnedAt(),
            warn ? 0 : state.heldBack() + (engineFailure.isDefined() ? 1 : 0)));
    if (warn) {
      LOG.warn(
          "a {} call to the {} engine failed: {}{}",
          kind(kind),
          engine,
          engineFailure.get(),
          state.heldBack() == 0
              ? ""
              : " (and " + state.heldBack() + " more failed calls to it since the last warning)");
    }
    if (!state.works().contains(works)) {
      if (works && state.works().isEmpty()) {
        LOG.debug("the {} engine answers", engine);
      } else if (works) {
        LOG.info("the {} engine answers again", engine);
      } else {
        LOG.warn(
            "the {} engine does not work ({} call); the upstream is reported down until a call"
                + " gets through",
            engine,
            kind(kind));
      }
    }
  }

  /** Whether every enabled engine answered its last call. */
  synchronized boolean healthy() {
    return engines.values().stream().allMatch(state -> state.works().contains(true));
  }

  /** The enabled engines that are not known to work: never heard from, or failing. */
  synchronized List<Engine> notWorking() {
    return List.ofAll(engines.entrySet())
        .filter(entry -> !entry.getValue().works().contains(true))
        .map(java.util.Map.Entry::getKey);
  }

  /**
   * What readiness tells of each engine that does not work: {@code visengine: down (catalogue call:
   * unreachable)}, or that it has not answered yet.
   */
  synchronized Map<String, String> details() {
    return HashMap.ofAll(engines)
        .filter(entry -> !entry._2.works().contains(true))
        .map((engine, state) ->
            io.vavr.Tuple.of(
                engine.name(),
                state.works().isEmpty()
                    ? "not answered yet"
                    : "down (" + state.lastFailure().getOrElse("unreachable") + ")"));
  }

  /**
   * Whether the failure means the engine cannot serve: unreachable, our credentials refused, or a
   * catalogue it cannot list.
   */
  private static boolean stopsTheEngine(RemoteCallKind kind, RemoteFailure failure) {
    return kind == RemoteCallKind.CATALOGUE
        || failure instanceof RemoteFailure.Unavailable
        || failure instanceof RemoteFailure.AccessDenied;
  }

  /** The kind of a failure that is the engine's, not the request's; none for the request's. */
  private static Option<String> ofTheEngine(RemoteCallKind kind, RemoteFailure failure) {
    Option<String> engines =
        switch (failure) {
          case RemoteFailure.Unavailable ignored -> Option.some("unreachable or unavailable");
          case RemoteFailure.AccessDenied denied ->
              Option.some(
                  switch (denied.reason()) {
                    case UNAUTHENTICATED -> "our token is refused";
                    case NOT_PERMITTED -> "our token lacks the scope";
                  });
          case RemoteFailure.OutcomeUnknown ignored -> Option.some("no answer (outcome unknown)");
          case RemoteFailure.Malformed ignored -> Option.some("an answer that cannot be read");
          case RemoteFailure.InsufficientCredit ignored -> Option.some("the wallet cannot pay");
          case RemoteFailure.Rejected ignored -> Option.none();
          case RemoteFailure.NotFound ignored -> Option.none();
          case RemoteFailure.AlreadyClosed ignored -> Option.none();
          case RemoteFailure.Conflict ignored -> Option.none();
          case RemoteFailure.NotReady ignored -> Option.none();
        };
    return kind == RemoteCallKind.CATALOGUE
        ? engines.orElse(Option.some(failure.getClass().getSimpleName().toLowerCase(Locale.ROOT)))
        : engines;
  }

  private static String kind(RemoteCallKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}

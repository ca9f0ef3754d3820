package dev.sportello.bootstrap;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.Engine;
import io.vavr.Tuple;
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
 * failure of it is the engine's), and works again after the next call that gets through; a call
 * that got no answer that can be read changes nothing. The upstream counts as healthy while every
 * enabled engine works.
 *
 * <p>Every failure of the engine itself is logged as a warning naming the engine, the kind of call
 * and the kind of failure (never its message, which may quote an address or a value), at most once
 * a minute per engine, with how many more there were and, when the engine is then down, that the
 * upstream is reported down; that it answers again is logged at most once a minute too: an outage
 * or a flapping engine does not flood the log. Answers about a request itself (refused, not found,
 * not ready) are the request's, not the engine's.
 */
final class UpstreamHealth implements RemoteCallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamHealth.class);

  /** The least time between two warnings of failed calls to one engine. */
  static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

  /**
   * What is known of an engine: whether it works, its last failure, when a warning or a recovery
   * was last logged, and how many failed calls the warnings held back.
   */
  private record State(
      Option<Boolean> works,
      Option<String> lastFailure,
      Option<Instant> warnedAt,
      Option<Instant> recoveryLoggedAt,
      int heldBack) {
    static final State UNKNOWN =
        new State(Option.none(), Option.none(), Option.none(), Option.none(), 0);
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
    Option<Boolean> works = verdict(kind, failure).orElse(state.works());
    Instant now = clock.instant();
    boolean warn = engineFailure.isDefined() && due(state.warnedAt(), now);
    boolean recovered = works.contains(true) && state.works().contains(false);
    boolean logRecovery = recovered && due(state.recoveryLoggedAt(), now);
    engines.put(
        engine,
        new State(
            works,
            engineFailure.map(what -> kind(kind) + " call: " + what).orElse(state.lastFailure()),
            warn ? Option.some(now) : state.warnedAt(),
            logRecovery ? Option.some(now) : state.recoveryLoggedAt(),
            warn ? 0 : state.heldBack() + (engineFailure.isDefined() ? 1 : 0)));
    if (warn) {
      LOG.warn(
          "a {} call to the {} engine failed: {}{}{}",
          kind(kind),
          engine,
          engineFailure.get(),
          works.contains(false) ? "; the upstream is reported down until a call gets through" : "",
          state.heldBack() == 0
              ? ""
              : " (and " + state.heldBack() + " more failed calls to it since the last warning)");
    }
    if (logRecovery) {
      LOG.info("the {} engine answers again", engine);
    }
  }

  /** Whether a line logged at that time (or never) may be followed by another now. */
  private static boolean due(Option<Instant> loggedAt, Instant now) {
    return loggedAt.forAll(at -> !now.isBefore(at.plus(WARNING_INTERVAL)));
  }

  /**
   * Whether the call says the engine works: an answer does, even a refusal of the request; being
   * unreachable, a refused token or a catalogue it cannot list says it does not. A call that got no
   * answer that can be read (timed out after sending, broken, unreadable) says nothing either way:
   * a hanging engine must not count as working.
   */
  private static Option<Boolean> verdict(RemoteCallKind kind, Option<RemoteFailure> failure) {
    if (failure.isEmpty()) {
      return Option.some(true);
    }
    if (kind == RemoteCallKind.CATALOGUE) {
      return Option.some(false);
    }
    return switch (failure.get()) {
      case RemoteFailure.Unavailable ignored -> Option.some(false);
      case RemoteFailure.AccessDenied ignored -> Option.some(false);
      case RemoteFailure.OutcomeUnknown ignored -> Option.none();
      case RemoteFailure.Malformed ignored -> Option.none();
      case RemoteFailure.InsufficientCredit ignored -> Option.some(true);
      case RemoteFailure.Rejected ignored -> Option.some(true);
      case RemoteFailure.NotFound ignored -> Option.some(true);
      case RemoteFailure.AlreadyClosed ignored -> Option.some(true);
      case RemoteFailure.Conflict ignored -> Option.some(true);
      case RemoteFailure.NotReady ignored -> Option.some(true);
    };
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
            Tuple.of(
                engine.name(),
                state.works().isEmpty()
                    ? "not answered yet"
                    : "down (" + state.lastFailure().getOrElse("unreachable") + ")"));
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

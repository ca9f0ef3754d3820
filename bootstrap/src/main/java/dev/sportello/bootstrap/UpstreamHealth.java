package dev.sportello.bootstrap;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.Engine;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether each enabled engine answers, judged from the calls the service makes anyway: a probe of
 * its own would be one more call to a service that bills per call. An engine is reachable until a
 * call finds it unreachable or refuses our credentials, and again after the next call that gets
 * through. The upstream counts as healthy while every enabled engine is reachable; a change is
 * logged with the engine's name.
 */
final class UpstreamHealth implements RemoteCallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamHealth.class);

  private final Map<Engine, Boolean> reachable = new ConcurrentHashMap<>();

  UpstreamHealth(List<Engine> enabled) {
    enabled.forEach(engine -> reachable.put(engine, true));
  }

  @Override
  public void called(
      Engine engine, RemoteCallKind kind, Option<RemoteFailure> failure, Duration latency) {
    boolean answers =
        failure.isEmpty()
            || !(failure.get() instanceof RemoteFailure.Unavailable
                || failure.get() instanceof RemoteFailure.AccessDenied);
    Boolean before = reachable.put(engine, answers);
    if (before != null && before != answers) {
      if (answers) {
        LOG.info("the {} engine answers again", engine);
      } else {
        LOG.warn(
            "the {} engine is unreachable or refuses our token ({} call); the upstream is"
                + " reported down until a call gets through",
            engine,
            kind.name().toLowerCase(Locale.ROOT));
      }
    }
  }

  boolean healthy() {
    return !reachable.containsValue(false);
  }
}

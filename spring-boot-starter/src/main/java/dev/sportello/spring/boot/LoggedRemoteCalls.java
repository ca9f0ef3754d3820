package dev.sportello.spring.boot;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.Engine;
import io.vavr.control.Option;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application is told of upstream calls when it has no Micrometer: logged, successful
 * calls at debug and failed ones at warn, by the kind of failure only (an upstream message may
 * quote a value of the request).
 */
final class LoggedRemoteCalls implements RemoteCallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(LoggedRemoteCalls.class);

  @Override
  public void called(
      Engine engine, RemoteCallKind kind, Option<RemoteFailure> failure, Duration latency) {
    if (failure.isEmpty()) {
      LOG.debug("{} {} in {} ms", engine.name(), kind, latency.toMillis());
    } else {
      LOG.warn(
          "{} {} failed in {} ms: {}",
          engine.name(),
          kind,
          latency.toMillis(),
          failure.get().getClass().getSimpleName());
    }
  }
}

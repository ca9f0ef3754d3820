package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.Engine;
import io.vavr.control.Option;
import java.time.Duration;

/** Told of every upstream call the application makes: for metrics. */
public interface RemoteCallObserver {

  /**
   * One call.
   *
   * @param engine the engine it went to
   * @param kind what was called
   * @param failure why it failed, or empty when it succeeded
   * @param latency how long it took
   */
  void called(Engine engine, RemoteCallKind kind, Option<RemoteFailure> failure, Duration latency);
}

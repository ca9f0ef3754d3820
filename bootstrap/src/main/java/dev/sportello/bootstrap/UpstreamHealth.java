package dev.sportello.bootstrap;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteFailure;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * Whether Visengine answers, judged from the calls the service makes anyway: a probe of its own
 * would be one more call to a service that bills per call. Healthy until a call finds it
 * unreachable or refuses our credentials, and again after the next call that gets through.
 */
final class UpstreamHealth implements RemoteCallObserver {
  private volatile boolean reachable = true;

  @Override
  public void called(RemoteCallKind kind, Option<RemoteFailure> failure, Duration latency) {
    reachable =
        failure.isEmpty()
            || !(failure.get() instanceof RemoteFailure.Unavailable
                || failure.get() instanceof RemoteFailure.AccessDenied);
  }

  boolean healthy() {
    return reachable;
  }
}

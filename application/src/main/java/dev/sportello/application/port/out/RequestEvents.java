package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import java.time.Instant;

/**
 * Told of status changes after they are stored, and of moves that were refused: for metrics, logs
 * or a bus.
 */
public interface RequestEvents {

  void statusChanged(RequestId id, RequestStatus from, RequestStatus to, Instant at);

  /**
   * Upstream reported a move the lifecycle does not allow; it was recorded here and not applied.
   */
  void transitionRefused(RequestId id, RequestStatus from, RequestStatus to, Instant at);
}

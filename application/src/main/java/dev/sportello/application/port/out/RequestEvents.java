package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import java.time.Instant;

/**
 * Told of status changes after they are stored, of moves that were refused, and of background work
 * that failed: for metrics, logs or a bus.
 */
public interface RequestEvents {

  void statusChanged(RequestId id, RequestStatus from, RequestStatus to, Instant at);

  /**
   * Upstream reported a move the lifecycle does not allow; it was recorded here and not applied.
   */
  void transitionRefused(RequestId id, RequestStatus from, RequestStatus to, Instant at);

  /** Background work failed and was left for the next cycle. */
  void backgroundFailed(BackgroundFailure failure);
}

package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import java.time.Instant;

/**
 * Told of status changes after they are stored, of moves that were refused, and of background work
 * that failed: for metrics, logs or a bus.
 */
public interface RequestEvents {

  /**
   * A request's status changed, and the change is stored.
   *
   * @param id the request
   * @param from the status before
   * @param to the status now
   * @param at when the change happened
   */
  void statusChanged(RequestId id, RequestStatus from, RequestStatus to, Instant at);

  /**
   * Upstream reported a move the lifecycle does not allow; it was recorded here and not applied.
   *
   * @param id the request
   * @param from the status it stays in
   * @param to the status upstream reported
   * @param at when the move was reported
   */
  void transitionRefused(RequestId id, RequestStatus from, RequestStatus to, Instant at);

  /**
   * Background work failed and was left for the next cycle.
   *
   * @param failure what failed, for which request, and why
   */
  void backgroundFailed(BackgroundFailure failure);
}

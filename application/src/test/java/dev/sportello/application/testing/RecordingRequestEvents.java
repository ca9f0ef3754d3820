package dev.sportello.application.testing;

import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.collection.List;
import java.time.Instant;

/** Keeps every event, in order, for assertions. */
public final class RecordingRequestEvents implements RequestEvents {
  private List<Move> changes = List.empty();
  private List<Move> refusals = List.empty();
  private List<BackgroundFailure> failures = List.empty();

  /**
   * One reported move.
   *
   * @param id the request
   * @param from the status it was in
   * @param to the status it moved, or was to move, to
   * @param at when
   */
  public record Move(RequestId id, RequestStatus from, RequestStatus to, Instant at) {}

  @Override
  public synchronized void statusChanged(
      RequestId id, RequestStatus from, RequestStatus to, Instant at) {
    changes = changes.append(new Move(id, from, to, at));
  }

  @Override
  public synchronized void transitionRefused(
      RequestId id, RequestStatus from, RequestStatus to, Instant at) {
    refusals = refusals.append(new Move(id, from, to, at));
  }

  @Override
  public synchronized void backgroundFailed(BackgroundFailure failure) {
    failures = failures.append(failure);
  }

  /** The stored status changes, oldest first. */
  public synchronized List<Move> changes() {
    return changes;
  }

  /** The refused moves, oldest first. */
  public synchronized List<Move> refusals() {
    return refusals;
  }

  /** The failed background work, oldest first. */
  public synchronized List<BackgroundFailure> failures() {
    return failures;
  }
}

package dev.sportello.domain.request;

import io.vavr.collection.List;

/**
 * Where a request stands. The happy path runs in declaration order up to {@link #FULFILLED}; {@link
 * #REJECTED} and {@link #CANCELLED} end a request from any state that is not terminal.
 */
public enum RequestStatus {
  /** Accepted by us and not yet closed upstream. */
  ACCEPTED(0),
  /** Upstream is searching for candidates. */
  SEARCHING(1),
  /** A search finished with candidates; the client picks one. */
  AWAITING_SELECTION(2),
  /** An operator is producing the document. */
  PROCESSING(3),
  /** The document's data is available. */
  DATA_AVAILABLE(4),
  /** The document is issued. */
  FULFILLED(5),
  /** Upstream refused the request (invalid data, no credit). */
  REJECTED(6),
  /** The request was cancelled. */
  CANCELLED(6);

  private final int stage;

  RequestStatus(int stage) {
    this.stage = stage;
  }

  /**
   * Whether no move leaves this status.
   *
   * @return true for a terminal status
   */
  public boolean isTerminal() {
    return this == FULFILLED || this == REJECTED || this == CANCELLED;
  }

  /**
   * Whether upstream has produced the document of a request in this status.
   *
   * @return true when a document can be fetched
   */
  public boolean offersDocument() {
    return this == DATA_AVAILABLE || this == FULFILLED;
  }

  /**
   * The statuses a request never leaves, in declaration order.
   *
   * @return the statuses
   */
  public static List<RequestStatus> terminal() {
    return List.of(values()).filter(RequestStatus::isTerminal);
  }

  /**
   * The statuses in which upstream has the document, in declaration order.
   *
   * @return the statuses
   */
  public static List<RequestStatus> offeringDocument() {
    return List.of(values()).filter(RequestStatus::offersDocument);
  }

  /**
   * Whether a request may move from this status to the target. Polling can miss states, so any
   * forward jump is allowed; a new search may take a request from {@link #AWAITING_SELECTION} back
   * to {@link #SEARCHING}; nothing leaves a terminal status, and nothing goes back otherwise.
   * Staying put is not a move.
   *
   * @param target the status to move to
   * @return true when the lifecycle allows the move
   */
  public boolean canMoveTo(RequestStatus target) {
    if (isTerminal() || target == this) {
      return false;
    }
    if (target == REJECTED || target == CANCELLED) {
      return true;
    }
    if (this == AWAITING_SELECTION && target == SEARCHING) {
      return true;
    }
    return target.stage > stage;
  }
}

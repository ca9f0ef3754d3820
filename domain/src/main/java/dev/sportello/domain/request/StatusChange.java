package dev.sportello.domain.request;

import java.time.Instant;
import java.util.Objects;

/**
 * One dated step in a request's history.
 *
 * @param status the status entered
 * @param at when it was entered (as far as we know: when we learned of it)
 * @param note why, when there is something to say (a cancellation reason, an upstream message), or
 *     empty
 */
public record StatusChange(RequestStatus status, Instant at, String note) {
  /** Checks that every component is given. */
  public StatusChange {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(note, "note");
  }
}

package dev.sportello.domain.request;

import java.time.Instant;
import java.util.Objects;

/**
 * The candidate the client picked.
 *
 * @param searchId the search round it came from
 * @param index the candidate's index in that round
 * @param at when it was picked
 */
public record Selection(String searchId, int index, Instant at) {
  /** Checks that every component is given. */
  public Selection {
    Objects.requireNonNull(searchId, "searchId");
    Objects.requireNonNull(at, "at");
  }
}

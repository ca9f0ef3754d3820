package dev.sportello.domain.request;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * One search of a product with a search phase.
 *
 * @param searchId upstream's id of the search ({@code <_id>_<n>})
 * @param state how far it got
 * @param candidates the results to choose from; empty until it completes
 */
public record SearchRound(String searchId, State state, List<SearchCandidate> candidates) {

  /** The state of one search. */
  public enum State {
    /** Upstream is still searching. */
    RUNNING,
    /** The search ended; its candidates can be chosen from. */
    COMPLETED,
    /** The search failed upstream; nothing can be chosen from it. */
    FAILED
  }

  /** Checks the components. */
  public SearchRound {
    Objects.requireNonNull(searchId, "searchId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(candidates, "candidates");
    if (searchId.isBlank()) {
      throw new IllegalArgumentException("a search round needs an id");
    }
  }

  /**
   * The candidate at an index.
   *
   * @param index the candidate's index in the round
   * @return the candidate, or none when the round has no such candidate
   */
  public Option<SearchCandidate> candidate(int index) {
    return candidates.find(candidate -> candidate.index() == index);
  }

  /**
   * Whether a candidate can be chosen now.
   *
   * @return true when the round is completed and has candidates
   */
  public boolean offersChoice() {
    return state == State.COMPLETED && !candidates.isEmpty();
  }
}

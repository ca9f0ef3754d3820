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
    RUNNING,
    COMPLETED,
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

  public Option<SearchCandidate> candidate(int index) {
    return candidates.find(candidate -> candidate.index() == index);
  }

  public boolean offersChoice() {
    return state == State.COMPLETED && !candidates.isEmpty();
  }
}

package dev.sportello.domain.request;

import io.vavr.collection.SortedMap;
import java.util.Objects;

/**
 * One result of a search round that the client can pick ({@code indice_N}).
 *
 * @param index the N of {@code indice_N}
 * @param attributes what upstream says about it, flattened to dotted names (such as {@code
 *     Indirizzo.Comune})
 */
public record SearchCandidate(int index, SortedMap<String, String> attributes) {
  /** Checks the components. */
  public SearchCandidate {
    Objects.requireNonNull(attributes, "attributes");
    if (index < 0) {
      throw new IllegalArgumentException("a candidate index is never negative");
    }
  }
}

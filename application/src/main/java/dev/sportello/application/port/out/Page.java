package dev.sportello.application.port.out;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A page of a listing.
 *
 * @param items the items, in listing order
 * @param next where the next page starts, or empty on the last page
 * @param <T> the items' type
 */
public record Page<T>(List<T> items, Option<PageRequest.Position> next) {
  /** Checks that every component is given. */
  public Page {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(next, "next");
  }
}

package dev.sportello.application.port.in;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * A page of a caller's webhook delivery log, as given (checked by the use case).
 *
 * @param caller whose deliveries
 * @param cursor the cursor from the previous page, when given
 * @param limit how many at most, 1 to 100
 */
public record ListDeliveriesQuery(String caller, Option<String> cursor, int limit) {
  /** Checks that every component is given. */
  public ListDeliveriesQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(cursor, "cursor");
  }
}

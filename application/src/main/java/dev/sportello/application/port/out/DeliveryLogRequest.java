package dev.sportello.application.port.out;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One page of a caller's delivery log, newest first.
 *
 * @param after the position of the last delivery already seen, or empty for the first page
 * @param limit how many deliveries at most, 1 to {@link #MAX_LIMIT}
 */
public record DeliveryLogRequest(Option<Position> after, int limit) {
  /** The most deliveries one page holds. */
  public static final int MAX_LIMIT = 100;

  /** Checks that the position is given and the limit is 1 to {@link #MAX_LIMIT}. */
  public DeliveryLogRequest {
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " deliveries");
    }
  }

  /**
   * Where a page ends.
   *
   * @param createdAt the creation time of the last delivery on the page
   * @param id its id, which breaks ties
   */
  public record Position(Instant createdAt, String id) {
    /** Checks that every component is given. */
    public Position {
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(id, "id");
    }
  }
}

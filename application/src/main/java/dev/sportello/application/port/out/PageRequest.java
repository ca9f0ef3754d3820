package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One page of a listing, newest first. The position is the last request of the previous page, so
 * that pages stay stable while new requests arrive.
 *
 * @param after the (creation time, id) of the last request already seen, or empty for the first
 *     page
 * @param limit how many requests at most, 1 to 500
 */
public record PageRequest(Option<Position> after, int limit) {
  /** The most requests one page holds. */
  public static final int MAX_LIMIT = 500;

  /** Checks the components. */
  public PageRequest {
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " requests");
    }
  }

  /**
   * Where a page ends.
   *
   * @param createdAt the creation time of the last request on the page
   * @param id its id, which breaks ties
   */
  public record Position(Instant createdAt, RequestId id) {
    /** Checks that every component is given. */
    public Position {
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(id, "id");
    }
  }
}

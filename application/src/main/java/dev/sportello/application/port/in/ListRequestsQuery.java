package dev.sportello.application.port.in;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * Which requests to list, as given by the caller (checked by the use case).
 *
 * @param caller whose requests
 * @param status a status name such as {@code PROCESSING}, when given
 * @param certificateId a certificate id, when given
 * @param reference a caller reference, when given
 * @param cursor the cursor from the previous page, when given
 * @param limit how many at most, 1 to 500
 */
public record ListRequestsQuery(
    String caller,
    Option<String> status,
    Option<String> certificateId,
    Option<String> reference,
    Option<String> cursor,
    int limit) {
  /** Checks that every component is given. */
  public ListRequestsQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(certificateId, "certificateId");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(cursor, "cursor");
  }
}

package dev.sportello.application.port.in;

import java.util.Objects;

/**
 * Names one request of a caller.
 *
 * @param caller whose request
 * @param requestId the request's id, as given (checked by the use case)
 */
public record RequestQuery(String caller, String requestId) {
  /** Checks that every component is given. */
  public RequestQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(requestId, "requestId");
  }
}

package dev.sportello.sandbox;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A status change a callback should report.
 *
 * @param request the request as the engine serves it, sent as the delivery's body
 * @param stateField the property of {@code request} that names its state ({@code stato_richiesta}
 *     or {@code state}), recorded with each delivery attempt
 */
record StatusChange(
    String requestId, CallbackTarget target, ObjectNode request, String stateField) {

  /** The change to report for a request of either engine, if it asked for callbacks. */
  static Optional<StatusChange> of(
      String requestId,
      @Nullable CallbackTarget target,
      Supplier<ObjectNode> request,
      String stateField) {
    return target == null
        ? Optional.empty()
        : Optional.of(new StatusChange(requestId, target, request.get(), stateField));
  }
}

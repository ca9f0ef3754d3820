package dev.sportello.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * A status change a callback should report.
 *
 * @param request the request as the engine serves it, sent as the delivery's body
 * @param stateField the property of {@code request} that names its state ({@code stato_richiesta}
 *     or {@code state}), recorded with each delivery attempt
 */
record StatusChange(
    String requestId, CallbackTarget target, ObjectNode request, String stateField) {}

package dev.sportello.application.port.in;

import java.util.Objects;

/**
 * An order.
 *
 * @param caller who orders; requests and idempotency keys are scoped to the caller
 * @param idempotencyKey the caller's key for this order: the same key and input give the same
 *     request
 * @param input what the caller filled in
 */
public record SubmitRequestCommand(String caller, String idempotencyKey, SubmissionInput input) {
  /** Checks that every component is given. */
  public SubmitRequestCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(input, "input");
  }
}

package dev.sportello.application.port.in;

import dev.sportello.domain.shared.Violation;
import io.vavr.collection.List;

/** Why a use case did not do what was asked. Sealed, so that adapters map every case. */
public sealed interface UseCaseError {

  /** An explanation for the caller; never contains personal values. */
  String message();

  /** The input is wrong; every problem found is listed. */
  record InvalidInput(List<Violation> violations) implements UseCaseError {
    @Override
    public String message() {
      return violations.size() == 1
          ? "the input has 1 problem"
          : "the input has " + violations.size() + " problems";
    }
  }

  /** What the call names does not exist, or belongs to another caller. */
  record NotFound(String message) implements UseCaseError {}

  /**
   * The call contradicts the current state: a reused idempotency key, a move the lifecycle refuses.
   */
  record Conflict(String message) implements UseCaseError {}

  /** The thing asked for is not ready yet, such as a document still being produced. */
  record NotReady(String message) implements UseCaseError {}

  /** The upstream wallet cannot pay for it. */
  record PaymentRequired(String message) implements UseCaseError {}

  /** Upstream refused it. */
  record UpstreamRejected(String code, String message) implements UseCaseError {}

  /** Upstream could not be reached or failed; trying later may work. */
  record UpstreamUnavailable(String message) implements UseCaseError {}

  /** Our store could not be reached or failed; trying later may work. */
  record StorageUnavailable(String message) implements UseCaseError {}
}

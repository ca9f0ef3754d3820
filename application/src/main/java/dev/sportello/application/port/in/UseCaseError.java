package dev.sportello.application.port.in;

import dev.sportello.domain.request.LifecycleError;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.spending.CapReached;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.Objects;

/**
 * Why a use case did not do what was asked. Sealed, so that adapters map every case; each variant
 * says what happened, so that a caller can tell "do not repeat this" from "repeat this later".
 */
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
   * The idempotency key was used before for a different submission. Nothing was ordered; the same
   * key will never order anything else.
   *
   * @param first the caller's request the key ordered first (perhaps still being created)
   */
  record KeyReusedWithAnotherBody(RequestId first) implements UseCaseError {
    public KeyReusedWithAnotherBody {
      Objects.requireNonNull(first, "first");
    }

    @Override
    public String message() {
      return "the idempotency key was already used for a different submission";
    }
  }

  /**
   * An identical submission under the same key is still being created, and did not finish within
   * the time a repeat waits for it. Repeating the same submission with the same key after {@code
   * retryAfter} returns that request; ordering under a new key would order twice.
   */
  record StillBeingCreated(Duration retryAfter) implements UseCaseError {
    public StillBeingCreated {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public String message() {
      return "a request with this idempotency key and body is still being created;"
          + " repeat the same call later to get it";
    }
  }

  /**
   * Another writer changed the request meanwhile, more often than retrying could absorb; the same
   * call may succeed when repeated.
   */
  record ConcurrentChange(String message) implements UseCaseError {}

  /** The request's lifecycle does not allow this now (such as cancelling a fulfilled request). */
  record LifecycleRefused(LifecycleError error) implements UseCaseError {
    public LifecycleRefused {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String message() {
      return error.message();
    }
  }

  /**
   * Upstream refused the call in the request's current upstream state (no search running, nothing
   * to choose, already closed).
   */
  record UpstreamConflict(String message) implements UseCaseError {}

  /** The thing asked for is not ready yet, such as a document still being produced. */
  record NotReady(String message) implements UseCaseError {}

  /**
   * The order would take its caller over a spending cap; nothing was ordered. The same submission
   * may be repeated, with the same idempotency key, once the cap resets or is raised.
   *
   * @param reached the cap, what was spent in its period, and when it resets
   * @param retryAfter how long until the cap resets
   */
  record SpendingCapReached(CapReached reached, Duration retryAfter) implements UseCaseError {
    public SpendingCapReached {
      Objects.requireNonNull(reached, "reached");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public String message() {
      return reached.message();
    }
  }

  /** The upstream wallet cannot pay for it. */
  record PaymentRequired(String message) implements UseCaseError {}

  /** Upstream refused it. */
  record UpstreamRejected(String code, String message) implements UseCaseError {}

  /** Upstream could not be reached or failed; trying later may work. */
  record UpstreamUnavailable(String message) implements UseCaseError {}

  /** Our store could not be reached or failed; trying later may work. */
  record StorageUnavailable(String message) implements UseCaseError {}
}

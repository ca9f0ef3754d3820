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

  /**
   * An explanation for the caller; never contains personal values.
   *
   * @return the explanation
   */
  String message();

  /**
   * The input is wrong; every problem found is listed.
   *
   * @param violations every problem found, never empty
   */
  record InvalidInput(List<Violation> violations) implements UseCaseError {
    @Override
    public String message() {
      return violations.size() == 1
          ? "the input has 1 problem"
          : "the input has " + violations.size() + " problems";
    }
  }

  /**
   * What the call names does not exist, or belongs to another caller.
   *
   * @param message an explanation for the caller; never contains personal values
   */
  record NotFound(String message) implements UseCaseError {}

  /**
   * The idempotency key was used before for a different submission. Nothing was ordered; the same
   * key will never order anything else.
   *
   * @param first the caller's request the key ordered first (perhaps still being created)
   */
  record KeyReusedWithAnotherBody(RequestId first) implements UseCaseError {
    /** Checks that every component is given. */
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
   *
   * @param retryAfter how long to wait before repeating the same call
   */
  record StillBeingCreated(Duration retryAfter) implements UseCaseError {
    /** Checks that every component is given. */
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
   *
   * @param message an explanation for the caller; never contains personal values
   */
  record ConcurrentChange(String message) implements UseCaseError {}

  /**
   * The request's lifecycle does not allow this now (such as cancelling a fulfilled request).
   *
   * @param error the move the lifecycle refused, and why
   */
  record LifecycleRefused(LifecycleError error) implements UseCaseError {
    /** Checks that every component is given. */
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
   *
   * @param message an explanation for the caller; never contains personal values
   */
  record UpstreamConflict(String message) implements UseCaseError {}

  /**
   * The thing asked for is not ready yet, such as a document still being produced.
   *
   * @param message an explanation for the caller; never contains personal values
   */
  record NotReady(String message) implements UseCaseError {}

  /**
   * The order would take its caller over a spending cap; nothing was ordered. The same submission
   * may be repeated, with the same idempotency key, once the cap resets or is raised.
   *
   * @param reached the cap, what was spent in its period, and when it resets
   * @param retryAfter how long until the cap resets
   */
  record SpendingCapReached(CapReached reached, Duration retryAfter) implements UseCaseError {
    /** Checks that every component is given. */
    public SpendingCapReached {
      Objects.requireNonNull(reached, "reached");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public String message() {
      return reached.message();
    }
  }

  /**
   * The upstream wallet cannot pay for it.
   *
   * @param message an explanation for the caller; never contains personal values
   */
  record PaymentRequired(String message) implements UseCaseError {}

  /**
   * Upstream refused it.
   *
   * @param code upstream's own code, so that the caller can look it up
   * @param message an explanation for the caller; never contains personal values
   */
  record UpstreamRejected(String code, String message) implements UseCaseError {}

  /**
   * Upstream could not be reached or failed; trying later may work.
   *
   * @param message an explanation for the caller; never contains personal values
   */
  record UpstreamUnavailable(String message) implements UseCaseError {}

  /**
   * Our store could not be reached or failed; trying later may work.
   *
   * @param message an explanation for the caller; never contains personal values
   */
  record StorageUnavailable(String message) implements UseCaseError {}
}

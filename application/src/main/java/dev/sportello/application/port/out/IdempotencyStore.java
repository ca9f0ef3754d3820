package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * Remembers which request a caller's idempotency key produced, so that a repeated submission
 * returns the same request instead of ordering twice. Keys are scoped to the caller.
 */
public interface IdempotencyStore {

  /**
   * Claims a key for a new request atomically: of concurrent claims of one key, exactly one is
   * {@link Claim.Claimed}; the others see the winner.
   *
   * @param caller whose key
   * @param key the caller's idempotency key
   * @param bodyHash a hash of the submission, to tell a retry from a different submission under the
   *     same key
   * @param candidate the id the new request will get if the claim succeeds
   */
  Either<StorageFailure, Claim> claim(
      String caller, String key, String bodyHash, RequestId candidate);

  /** The result of a claim. */
  sealed interface Claim {
    /** The key was new: the candidate id is now bound to it. */
    record Claimed(RequestId id) implements Claim {
      public Claimed {
        Objects.requireNonNull(id, "id");
      }
    }

    /** The key was used before for the same submission: this is its request. */
    record Replay(RequestId id) implements Claim {
      public Replay {
        Objects.requireNonNull(id, "id");
      }
    }

    /** The key was used before for a different submission. */
    record Mismatch(RequestId id) implements Claim {
      public Mismatch {
        Objects.requireNonNull(id, "id");
      }
    }
  }
}

package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Objects;

/**
 * Remembers which request a caller's idempotency key produced, so that a repeated submission
 * returns the same request instead of ordering twice. Keys are scoped to the caller.
 *
 * <p>A claim and the request it names are stored one after the other, so a repeat can find the key
 * claimed before the request exists: the first attempt is still creating it, or died before it
 * could. {@link Claim.Replay#claimedAt()} lets the caller tell the two apart.
 */
public interface IdempotencyStore {

  /**
   * Claims a key for a new request atomically: of concurrent claims of one key, exactly one is
   * {@link Claim.Claimed}; the others see the winner, with the time it claimed the key.
   *
   * @param caller whose key
   * @param key the caller's idempotency key
   * @param bodyHash a hash of the submission, to tell a retry from a different submission under the
   *     same key
   * @param candidate the id the new request will get if the claim succeeds
   * @return the claim's result, or why the store failed
   */
  Either<StorageFailure, Claim> claim(
      String caller, String key, String bodyHash, RequestId candidate);

  /**
   * Dates a claim back, so that a repeat of the submission takes the key as abandoned and orders
   * under the same request at once, instead of waiting for an attempt that stored nothing and never
   * will. A key bound to another request is left as it is.
   *
   * @param caller whose key
   * @param key the caller's idempotency key
   * @param id the request the claim binds to the key
   * @param claimedAt the time the claim now says it was made
   * @return whether the claim was dated back
   */
  Either<StorageFailure, Boolean> dateBack(
      String caller, String key, RequestId id, Instant claimedAt);

  /** The result of a claim. */
  sealed interface Claim {
    /**
     * The key was new: the candidate id is now bound to it.
     *
     * @param id the candidate id, now bound to the key
     */
    record Claimed(RequestId id) implements Claim {
      /** Checks that every component is given. */
      public Claimed {
        Objects.requireNonNull(id, "id");
      }
    }

    /**
     * The key was claimed before for the same submission: this is its request, which may not be
     * stored yet.
     *
     * @param id the request the first claim bound to the key
     * @param claimedAt when the first claim was made
     */
    record Replay(RequestId id, Instant claimedAt) implements Claim {
      /** Checks that every component is given. */
      public Replay {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(claimedAt, "claimedAt");
      }
    }

    /**
     * The key was used before for a different submission.
     *
     * @param id the request the key was first used for
     */
    record Mismatch(RequestId id) implements Claim {
      /** Checks that every component is given. */
      public Mismatch {
        Objects.requireNonNull(id, "id");
      }
    }
  }
}

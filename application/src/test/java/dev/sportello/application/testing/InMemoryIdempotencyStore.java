package dev.sportello.application.testing;

import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.Tuple3;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotency keys in memory; a claim is one atomic put-if-absent. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  /** (caller, key) to (body hash, request id, claimed at). */
  private final ConcurrentHashMap<Tuple2<String, String>, Tuple3<String, RequestId, Instant>>
      claims = new ConcurrentHashMap<>();

  private final Clock clock;

  /** Claims are dated by this clock. */
  public InMemoryIdempotencyStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Either<StorageFailure, Claim> claim(
      String caller, String key, String bodyHash, RequestId candidate) {
    Tuple3<String, RequestId, Instant> mine = Tuple.of(bodyHash, candidate, clock.instant());
    Tuple3<String, RequestId, Instant> winner = claims.putIfAbsent(Tuple.of(caller, key), mine);
    if (winner == null) {
      return Either.right(new Claim.Claimed(candidate));
    }
    return Either.right(
        winner._1.equals(bodyHash)
            ? new Claim.Replay(winner._2, winner._3)
            : new Claim.Mismatch(winner._2));
  }

  @Override
  public Either<StorageFailure, Boolean> dateBack(
      String caller, String key, RequestId id, Instant claimedAt) {
    Tuple3<String, RequestId, Instant> dated =
        claims.computeIfPresent(
            Tuple.of(caller, key),
            (ignored, claim) -> claim._2.equals(id) ? claim.update3(claimedAt) : claim);
    return Either.right(dated != null && dated._2.equals(id));
  }
}

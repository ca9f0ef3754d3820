package dev.sportello.application.testing;

import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotency keys in memory; a claim is one atomic put-if-absent. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  /** (caller, key) to (body hash, request id). */
  private final ConcurrentHashMap<Tuple2<String, String>, Tuple2<String, RequestId>> claims =
      new ConcurrentHashMap<>();

  @Override
  public Either<StorageFailure, Claim> claim(
      String caller, String key, String bodyHash, RequestId candidate) {
    Tuple2<String, RequestId> mine = Tuple.of(bodyHash, candidate);
    Tuple2<String, RequestId> winner = claims.putIfAbsent(Tuple.of(caller, key), mine);
    if (winner == null) {
      return Either.right(new Claim.Claimed(candidate));
    }
    return Either.right(
        winner._1.equals(bodyHash) ? new Claim.Replay(winner._2) : new Claim.Mismatch(winner._2));
  }
}

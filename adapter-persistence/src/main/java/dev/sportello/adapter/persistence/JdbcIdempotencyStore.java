package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import java.time.Clock;

/**
 * Idempotency keys in {@code idempotency_key}, scoped by caller. A claim is one insert: the primary
 * key on (caller, key) lets exactly one of concurrent claims win on either engine; the losers read
 * the winner's row, with the time the winner claimed the key.
 */
final class JdbcIdempotencyStore implements IdempotencyStore {
  private final Database database;
  private final Clock clock;

  JdbcIdempotencyStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public Either<StorageFailure, Claim> claim(
      String caller, String key, String bodyHash, RequestId candidate) {
    Either<StorageFailure, Claim> inserted =
        database.withHandle(
            "claim an idempotency key",
            handle -> {
              handle
                  .createUpdate(
                      "INSERT INTO idempotency_key (caller, idem_key, body_hash, request_id,"
                          + " created_at) VALUES (:caller, :key, :hash, :requestId, :at)")
                  .bind("caller", caller)
                  .bind("key", key)
                  .bind("hash", bodyHash)
                  .bind("requestId", candidate.value())
                  .bind("at", Database.timestamp(Database.stored(clock.instant())))
                  .execute();
              return Either.right(new Claim.Claimed(candidate));
            });
    if (inserted.isLeft() && inserted.getLeft() instanceof StorageFailure.Duplicate) {
      return existing(caller, key, bodyHash);
    }
    return inserted;
  }

  private Either<StorageFailure, Claim> existing(String caller, String key, String bodyHash) {
    return database.withHandle(
        "read an idempotency key",
        handle -> {
          var found =
              handle
                  .createQuery(
                      "SELECT body_hash, request_id, created_at FROM idempotency_key"
                          + " WHERE caller = :caller AND idem_key = :key")
                  .bind("caller", caller)
                  .bind("key", key)
                  .map((rs, ctx) -> {
                    RequestId id = new RequestId(RequestRow.required(rs, "request_id"));
                    return RequestRow.required(rs, "body_hash").equals(bodyHash)
                        ? (Claim)
                            new Claim.Replay(id, Database.requiredInstant(rs, ctx, "created_at"))
                        : new Claim.Mismatch(id);
                  })
                  .findFirst();
          return found.isPresent()
              ? Either.right(found.get())
              : Either.left(
                  new StorageFailure.Unavailable(
                      "an idempotency key was taken and then disappeared"));
        });
  }
}

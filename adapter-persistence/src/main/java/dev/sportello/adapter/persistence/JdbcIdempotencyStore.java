package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Idempotency keys in {@code idempotency_key}, scoped by caller. A claim is one insert: the primary
 * key on (caller, key) lets exactly one of concurrent claims win on either engine; the losers read
 * the winner's row, with the time the winner claimed the key.
 *
 * <p>The hash of the body is stored keyed with the data keys' lookups key: a plain hash of a
 * submission would confirm a guessed one. A stored hash matches under any key held, so a rotation
 * does not turn a retry into another order's body, and a hash stored before keying matches as it
 * is.
 */
final class JdbcIdempotencyStore implements IdempotencyStore {
  private final Database database;
  private final LiveKeys keys;
  private final Clock clock;

  JdbcIdempotencyStore(Database database, LiveKeys keys, Clock clock) {
    this.database = database;
    this.keys = keys;
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
                  .bind("hash", keys.current().lookup(lookupInput(bodyHash)))
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
                    return matches(RequestRow.required(rs, "body_hash"), bodyHash)
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

  private boolean matches(String stored, String bodyHash) {
    return stored.equals(bodyHash)
        || keys.current().lookups(lookupInput(bodyHash)).contains(stored);
  }

  /** Starts with a line break, which no caller's name holds, to stay apart from other lookups. */
  private static byte[] lookupInput(String bodyHash) {
    return ("\nbody:" + bodyHash).getBytes(StandardCharsets.UTF_8);
  }
}

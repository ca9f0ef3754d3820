package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Idempotency keys in {@code idempotency_key}, scoped by caller. A claim is one insert: the primary
 * key on (caller, key) lets exactly one of concurrent claims win on either database; the losers
 * read the winner's row, with the time the winner claimed the key.
 *
 * <p>The hash of the body is stored keyed with the data keys' lookups key, after that key's id: a
 * plain hash of a submission would confirm a guessed one. A stored hash is compared under the key
 * that computed it, so a rotation does not turn a retry into another order's body, and a hash
 * stored before keying matches as it is. A hash computed with a key this instance does not hold yet
 * (another instance took a rotation up first) is never called another body: the keys are read
 * again, and if the key is still unknown the claim fails as the store being unavailable, which
 * callers retry.
 */
final class JdbcIdempotencyStore implements IdempotencyStore {
  /** What a body hash keyed after its key's id starts with. */
  private static final String KEYED = "k";

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
                  .bind("hash", keyed(bodyHash))
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

  @Override
  public Either<StorageFailure, Boolean> dateBack(
      String caller, String key, RequestId id, Instant claimedAt) {
    return database.withHandle(
        "date an idempotency key back",
        handle ->
            Either.right(
                handle
                        .createUpdate(
                            "UPDATE idempotency_key SET created_at = :at WHERE caller = :caller"
                                + " AND idem_key = :key AND request_id = :requestId")
                        .bind("at", Database.timestamp(Database.stored(claimedAt)))
                        .bind("caller", caller)
                        .bind("key", key)
                        .bind("requestId", id.value())
                        .execute()
                    > 0));
  }

  private Either<StorageFailure, Claim> existing(String caller, String key, String bodyHash) {
    Either<StorageFailure, java.util.Optional<Taken>> read =
        database.withHandle(
            "read an idempotency key",
            handle ->
                Either.right(
                    handle
                        .createQuery(
                            "SELECT body_hash, request_id, created_at FROM idempotency_key"
                                + " WHERE caller = :caller AND idem_key = :key")
                        .bind("caller", caller)
                        .bind("key", key)
                        .map((rs, ctx) ->
                            new Taken(
                                RequestRow.required(rs, "body_hash"),
                                new RequestId(RequestRow.required(rs, "request_id")),
                                Database.requiredInstant(rs, ctx, "created_at")))
                        .findFirst()));
    if (read.isLeft()) {
      return Either.left(read.getLeft());
    }
    if (read.get().isEmpty()) {
      return Either.left(
          new StorageFailure.Unavailable("an idempotency key was taken and then disappeared"));
    }
    Taken taken = read.get().get();
    Comparison comparison = compared(taken.bodyHash(), bodyHash);
    if (comparison != Comparison.SAME) {
      // Another instance may have taken a rotation up first: compare with the keys kept now.
      keys.refresh();
      comparison = compared(taken.bodyHash(), bodyHash);
    }
    return switch (comparison) {
      case SAME -> Either.right(new Claim.Replay(taken.id(), taken.claimedAt()));
      case OTHER -> Either.right(new Claim.Mismatch(taken.id()));
      case UNKNOWN_KEY ->
          Either.left(
              new StorageFailure.Unavailable(
                  "the idempotency key's body was hashed with a data key not taken up yet"));
    };
  }

  private record Taken(String bodyHash, RequestId id, Instant claimedAt) {}

  private enum Comparison {
    SAME,
    OTHER,
    UNKNOWN_KEY
  }

  /** What a claim stores: the lookups key's id, then the body hash keyed with it. */
  private String keyed(String bodyHash) {
    DataKeys current = keys.current();
    return KEYED
        + Integer.toUnsignedString(current.currentLookupKey())
        + ":"
        + current.lookup(lookupInput(bodyHash));
  }

  private Comparison compared(String stored, String bodyHash) {
    if (stored.equals(bodyHash)) {
      return Comparison.SAME;
    }
    int separator = stored.indexOf(':');
    if (!stored.startsWith(KEYED) || separator < 0) {
      // Keyed without the key's id: compared under every key held.
      return keys.current().lookups(lookupInput(bodyHash)).contains(stored)
          ? Comparison.SAME
          : Comparison.OTHER;
    }
    int keyId;
    try {
      keyId = Integer.parseUnsignedInt(stored.substring(KEYED.length(), separator));
    } catch (NumberFormatException malformed) {
      return Comparison.OTHER;
    }
    return keys.current()
        .lookupUnder(keyId, lookupInput(bodyHash))
        .map(hash ->
            hash.equals(stored.substring(separator + 1)) ? Comparison.SAME : Comparison.OTHER)
        .getOrElse(Comparison.UNKNOWN_KEY);
  }

  /** Starts with a line break, which no caller's name holds, to stay apart from other lookups. */
  private static byte[] lookupInput(String bodyHash) {
    return ("\nbody:" + bodyHash).getBytes(StandardCharsets.UTF_8);
  }
}

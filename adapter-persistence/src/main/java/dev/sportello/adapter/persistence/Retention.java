package dev.sportello.adapter.persistence;

import dev.sportello.adapter.persistence.Json.OutcomeJson;
import dev.sportello.adapter.persistence.Json.StatusChangeJson;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Erases the personal data of requests that ended before a cut-off and keeps each as an audit row:
 * who asked for which certificate, when, at what price, every status it went through and its
 * document's name, size and hash. Erased: the submitted values, the caller's reference and email,
 * the search candidates, the free-text notes and upstream messages, and the document file. Requests
 * still in flight are never touched: their values are needed to finish them. Each erased request
 * moves to a new version, so a writer holding an older copy gets a stale-write conflict instead of
 * writing the values back.
 */
final class Retention {
  private static final int BATCH = 200;

  private final Database database;
  private final RequestRows rows;
  private final FileDocumentStore documents;
  private final Clock clock;

  Retention(Database database, RequestRows rows, FileDocumentStore documents, Clock clock) {
    this.database = database;
    this.rows = rows;
    this.documents = documents;
    this.clock = clock;
  }

  /** What one purge erased. */
  record Purged(int requests, int documents, int idempotencyKeys) {}

  Either<StorageFailure, Purged> purge(Instant olderThan) {
    int requests = 0;
    int files = 0;
    while (true) {
      Either<StorageFailure, List<RequestId>> batch = purgeBatch(olderThan);
      if (batch.isLeft()) {
        return Either.left(batch.getLeft());
      }
      for (RequestId id : batch.get()) {
        Either<StorageFailure, Boolean> deleted = documents.delete(id);
        if (deleted.isLeft()) {
          return Either.left(deleted.getLeft());
        }
        files += deleted.get() ? 1 : 0;
      }
      requests += batch.get().size();
      if (batch.get().size() < BATCH) {
        break;
      }
    }
    int finalRequests = requests;
    int finalFiles = files;
    return database
        .withHandle(
            "erase old idempotency keys",
            handle ->
                Either.right(
                    handle
                        .createUpdate("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                        .bind("cutoff", Database.timestamp(olderThan))
                        .execute()))
        .map(keys -> new Purged(finalRequests, finalFiles, keys));
  }

  private Either<StorageFailure, List<RequestId>> purgeBatch(Instant olderThan) {
    Instant now = Database.stored(clock.instant());
    return database.inTransaction(
        "erase personal data",
        handle -> {
          java.util.List<Candidate> candidates =
              handle
                  .createQuery(
                      "SELECT id, version, history_json, outcome_json FROM request"
                          + " WHERE purged_at IS NULL"
                          + " AND status IN "
                          + JdbcRequestRepository.TERMINAL
                          + " AND updated_at < :cutoff ORDER BY updated_at LIMIT :limit")
                  .bind("cutoff", Database.timestamp(olderThan))
                  .bind("limit", BATCH)
                  .map((rs, ctx) ->
                      new Candidate(
                          RequestRow.required(rs, "id"),
                          rs.getLong("version"),
                          RequestRow.required(rs, "history_json"),
                          RequestRow.optional(rs, "outcome_json")))
                  .list();
          List<RequestId> purged = List.empty();
          for (Candidate candidate : candidates) {
            // Erased only as read: a request written since keeps its newer state until next time.
            int changed =
                handle
                    .createUpdate(
                        "UPDATE request SET reference = NULL, notify_email = NULL,"
                            + " reference_lookup = NULL,"
                            + " searches_json = '[]', history_json = :history,"
                            + " outcome_json = :outcome, purged_at = :now, version = version + 1"
                            + " WHERE id = :id AND version = :version AND purged_at IS NULL")
                    .bind("history", withoutNotes(candidate))
                    .bind("outcome", withoutMessage(candidate))
                    .bind("now", Database.timestamp(now))
                    .bind("id", candidate.id())
                    .bind("version", candidate.version())
                    .execute();
            if (changed == 1) {
              handle
                  .createUpdate("DELETE FROM request_values WHERE request_id = :id")
                  .bind("id", candidate.id())
                  .execute();
              purged = purged.append(new RequestId(candidate.id()));
            }
          }
          return Either.right(purged);
        });
  }

  /** The history without its notes, sealed like any history. */
  private String withoutNotes(Candidate candidate) {
    String history = rows.opened(candidate.historyJson(), candidate.id(), RequestRows.HISTORY);
    return rows.sealed(
        Json.write(
            List.ofAll(Json.read(history, Json.HISTORY))
                .map(change -> new StatusChangeJson(change.status(), change.at(), ""))
                .toJavaList()),
        candidate.id(),
        RequestRows.HISTORY);
  }

  private @Nullable String withoutMessage(Candidate candidate) {
    @Nullable String stored = candidate.outcomeJson();
    if (stored == null) {
      return null;
    }
    OutcomeJson outcome =
        Json.read(rows.opened(stored, candidate.id(), RequestRows.OUTCOME), OutcomeJson.class);
    return rows.sealed(
        Json.write(new OutcomeJson(outcome.code(), "")), candidate.id(), RequestRows.OUTCOME);
  }

  private record Candidate(
      String id, long version, String historyJson, @Nullable String outcomeJson) {}
}

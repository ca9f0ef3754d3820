package dev.sportello.adapter.persistence;

import dev.sportello.adapter.persistence.Json.OutcomeJson;
import dev.sportello.adapter.persistence.Json.StatusChangeJson;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

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
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final int BATCH = 200;

  private final Database database;
  private final RequestRows rows;
  private final FileDocumentStore documents;
  private final RecentRequests recent;
  private final Clock clock;

  Retention(
      Database database,
      RequestRows rows,
      FileDocumentStore documents,
      RecentRequests recent,
      Clock clock) {
    this.database = database;
    this.rows = rows;
    this.documents = documents;
    this.recent = recent;
    this.clock = clock;
  }

  /** What one purge erased. */
  record Purged(int requests, int documents, int idempotencyKeys) {}

  Either<StorageFailure, Purged> purge(Instant olderThan) {
    int requests = 0;
    int files = 0;
    Option<Position> after = Option.none();
    while (true) {
      Either<StorageFailure, Batch> batch = purgeBatch(olderThan, after);
      if (batch.isLeft()) {
        return Either.left(batch.getLeft());
      }
      for (RequestId id : batch.get().purged()) {
        // Again once committed: a read on another connection may have kept the row as it was
        // before the erasure since it was forgotten inside the transaction.
        recent.forget(id.value());
        Either<StorageFailure, Boolean> deleted = documents.delete(id);
        if (deleted.isLeft()) {
          return Either.left(deleted.getLeft());
        }
        files += deleted.get() ? 1 : 0;
      }
      requests += batch.get().purged().size();
      if (batch.get().last().isEmpty()) {
        break;
      }
      after = batch.get().last();
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

  /**
   * What one batch erased, and where the next batch goes on from: none when this one was the last.
   * Going on from a position, rather than from the oldest row again, lets a row that is left as it
   * is not hold back the rows after it.
   */
  private record Batch(List<RequestId> purged, Option<Position> last) {}

  /** A candidate's place in the order batches walk. */
  private record Position(Instant updatedAt, String id) {}

  private Either<StorageFailure, Batch> purgeBatch(Instant olderThan, Option<Position> after) {
    Instant now = Database.stored(clock.instant());
    return database.inTransaction(
        "erase personal data",
        handle -> {
          Query query =
              handle
                  .createQuery(
                      "SELECT id, version, updated_at, history_json, outcome_json FROM request"
                          + " WHERE purged_at IS NULL"
                          + " AND status IN "
                          + JdbcRequestRepository.TERMINAL
                          + " AND updated_at < :cutoff"
                          + (after.isDefined()
                              ? " AND (updated_at > :afterUpdatedAt"
                                  + " OR (updated_at = :afterUpdatedAt AND id > :afterId))"
                              : "")
                          + " ORDER BY updated_at, id LIMIT :limit")
                  .bind("cutoff", Database.timestamp(olderThan))
                  .bind("limit", BATCH);
          after.forEach(position ->
              query
                  .bind("afterUpdatedAt", Database.timestamp(position.updatedAt()))
                  .bind("afterId", position.id()));
          java.util.List<Candidate> candidates =
              query
                  .map((rs, ctx) ->
                      new Candidate(
                          RequestRow.required(rs, "id"),
                          rs.getLong("version"),
                          Database.requiredInstant(rs, ctx, "updated_at"),
                          RequestRow.required(rs, "history_json"),
                          RequestRow.optional(rs, "outcome_json")))
                  .list();
          var purged = new java.util.ArrayList<RequestId>(candidates.size());
          for (Candidate candidate : candidates) {
            Either<String, Erased> erased = erased(candidate);
            if (erased.isLeft()) {
              // The refusal names the request and column only, never what it could not read.
              LOG.warn("{}; its personal data is left as it is", erased.getLeft());
              continue;
            }
            // Erased only as read: a request written since keeps its newer state until next time.
            int changed =
                handle
                    .createUpdate(
                        "UPDATE request SET reference = NULL, notify_email = NULL,"
                            + " reference_lookup = NULL,"
                            + " searches_json = '[]', history_json = :history,"
                            + " outcome_json = :outcome, purged_at = :now, version = version + 1"
                            + " WHERE id = :id AND version = :version AND purged_at IS NULL")
                    .bind("history", erased.get().history())
                    .bind("outcome", erased.get().outcome())
                    .bind("now", Database.timestamp(now))
                    .bind("id", candidate.id())
                    .bind("version", candidate.version())
                    .execute();
            if (changed == 1) {
              handle
                  .createUpdate("DELETE FROM request_values WHERE request_id = :id")
                  .bind("id", candidate.id())
                  .execute();
              purged.add(new RequestId(candidate.id()));
              recent.forget(candidate.id());
            }
          }
          Option<Position> last =
              candidates.size() < BATCH
                  ? Option.none()
                  : Option.some(candidates.get(candidates.size() - 1).position());
          return Either.right(new Batch(List.ofAll(purged), last));
        });
  }

  /** The history and outcome a candidate keeps, sealed again; or why one does not open. */
  private Either<String, Erased> erased(Candidate candidate) {
    return withoutNotes(candidate)
        .flatMap(history ->
            withoutMessage(candidate).map(outcome -> new Erased(history, outcome.getOrNull())));
  }

  private record Erased(String history, @Nullable String outcome) {}

  /** The history without its notes, sealed like any history. */
  private Either<String, String> withoutNotes(Candidate candidate) {
    return rows.opened(candidate.historyJson(), candidate.id(), RequestRows.HISTORY)
        .flatMap(history -> readable(candidate, history, Json.HISTORY))
        .map(history ->
            rows.sealed(
                Json.write(
                    List.ofAll(history)
                        .map(change -> new StatusChangeJson(change.status(), change.at(), ""))
                        .toJavaList()),
                candidate.id(),
                RequestRows.HISTORY));
  }

  private Either<String, Option<String>> withoutMessage(Candidate candidate) {
    @Nullable String stored = candidate.outcomeJson();
    if (stored == null) {
      return Either.right(Option.none());
    }
    return rows.opened(stored, candidate.id(), RequestRows.OUTCOME)
        .flatMap(outcome -> readable(candidate, outcome, OUTCOME_JSON))
        .map(outcome ->
            Option.some(
                rows.sealed(
                    Json.write(new OutcomeJson(outcome.code(), "")),
                    candidate.id(),
                    RequestRows.OUTCOME)));
  }

  private static final TypeReference<OutcomeJson> OUTCOME_JSON = new TypeReference<>() {};

  private static <T> Either<String, T> readable(
      Candidate candidate, String text, TypeReference<T> type) {
    try {
      return Either.right(Json.read(text, type));
    } catch (JacksonException malformed) {
      return Either.left("request " + candidate.id() + " holds malformed JSON");
    }
  }

  private record Candidate(
      String id,
      long version,
      Instant updatedAt,
      String historyJson,
      @Nullable String outcomeJson) {
    Position position() {
      return new Position(updatedAt, id);
    }
  }
}

package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.RequestId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals again, with the current keys, what older keys sealed (or what was stored before sealing):
 * after a rotation the running service seals the few stored credentials and webhook secrets again
 * in its first step, then walks every request in id order, a bounded batch per step, and its
 * document. A pass starts when the service starts and whenever the key file is replaced.
 *
 * <p>A row is written back only if it is still at the version that was read, and without moving it
 * to a new version: a writer that read the row before keeps its write, which seals what it writes
 * with the current keys anyway. What a pass finds is logged as counts, never values.
 */
final class Resealing {
  private static final Logger LOG = LoggerFactory.getLogger(Resealing.class);
  static final int BATCH = 100;

  private static final String BATCH_SQL =
      "SELECT r.id, r.caller, r.version, r.reference, r.notify_email, r.reference_lookup,"
          + " r.history_json, r.searches_json, r.outcome_json, r.has_document, v.values_json"
          + " FROM request r LEFT JOIN request_values v ON v.request_id = r.id"
          + " WHERE r.id > :after ORDER BY r.id LIMIT :limit";

  private static final String UPDATE_SQL =
      "UPDATE request SET reference = :reference, notify_email = :notifyEmail,"
          + " reference_lookup = :referenceLookup, history_json = :history,"
          + " searches_json = :searches, outcome_json = :outcome"
          + " WHERE id = :id AND version = :version";

  private final Database database;
  private final RequestRows rows;
  private final FileDocumentStore documents;
  private final JdbcCredentialStore credentials;
  private final JdbcWebhookStore webhooks;
  private final LiveKeys keys;

  /** Where the pass under way goes on from; null when no pass is under way. */
  private @Nullable String after = "";

  /** The keys the pass under way, or the last one, seals with. */
  private DataKeys passKeys;

  private int credentialsThisPass;
  private int requestsThisPass;
  private int documentsThisPass;
  private int skippedThisPass;

  Resealing(
      Database database,
      RequestRows rows,
      FileDocumentStore documents,
      JdbcCredentialStore credentials,
      JdbcWebhookStore webhooks,
      LiveKeys keys) {
    this.database = database;
    this.rows = rows;
    this.documents = documents;
    this.credentials = credentials;
    this.webhooks = webhooks;
    this.keys = keys;
    this.passKeys = keys.current();
  }

  /**
   * What one step did.
   *
   * @param requests requests sealed again
   * @param documents documents sealed again
   * @param finished whether no pass is under way after this step
   */
  record Step(int requests, int documents, boolean finished) {}

  /**
   * Takes up a replaced key file, then seals one batch of requests and their documents again; the
   * first step of a pass seals the credentials and webhook secrets again before its batch.
   */
  synchronized Either<StorageFailure, Step> step() {
    Either<String, Boolean> refreshed = keys.refresh();
    if (refreshed.isLeft()) {
      LOG.warn("data key not taken up: {}", refreshed.getLeft());
    }
    // Compared with the keys of the last pass: another reader of the key file may have taken the
    // new keys up first.
    if (keys.current() != passKeys) {
      passKeys = keys.current();
      LOG.info("data key file replaced: sealing stored data again with {}", passKeys);
      after = "";
      credentialsThisPass = 0;
      requestsThisPass = 0;
      documentsThisPass = 0;
      skippedThisPass = 0;
    }
    @Nullable String from = after;
    if (from == null) {
      return Either.right(new Step(0, 0, true));
    }
    if (from.isEmpty()) {
      // A failure leaves the pass at its start: the next step seals the credentials again.
      Either<StorageFailure, SealedColumn.SealedAgain> sealed = credentials.sealAgain();
      if (sealed.isLeft()) {
        return Either.left(sealed.getLeft());
      }
      Either<StorageFailure, SealedColumn.SealedAgain> secrets = webhooks.sealAgain();
      if (secrets.isLeft()) {
        return Either.left(secrets.getLeft());
      }
      credentialsThisPass = sealed.get().sealed() + secrets.get().sealed();
      skippedThisPass = sealed.get().left() + secrets.get().left();
    }
    Either<StorageFailure, java.util.List<Sealed>> batch =
        database.withHandle(
            "read requests to seal again",
            handle ->
                Either.right(
                    handle
                        .createQuery(BATCH_SQL)
                        .bind("after", from)
                        .bind("limit", BATCH)
                        .map((rs, ctx) ->
                            new Sealed(
                                RequestRow.required(rs, "id"),
                                RequestRow.required(rs, "caller"),
                                rs.getLong("version"),
                                RequestRow.optional(rs, "reference"),
                                RequestRow.optional(rs, "notify_email"),
                                RequestRow.optional(rs, "reference_lookup"),
                                RequestRow.required(rs, "history_json"),
                                RequestRow.required(rs, "searches_json"),
                                RequestRow.optional(rs, "outcome_json"),
                                rs.getBoolean("has_document"),
                                RequestRow.optional(rs, "values_json")))
                        .list()));
    if (batch.isLeft()) {
      return Either.left(batch.getLeft());
    }
    int requests = 0;
    int files = 0;
    for (Sealed row : batch.get()) {
      Either<StorageFailure, Boolean> written = resealUnlessCurrent(row);
      if (written.isLeft()) {
        // The batch is read again at the next step: the database may answer then.
        return Either.left(written.getLeft());
      }
      requests += written.get() ? 1 : 0;
      if (row.hasDocument()) {
        Either<StorageFailure, Boolean> document = documents.reseal(new RequestId(row.id()));
        if (document.isLeft()) {
          skippedThisPass++;
          LOG.warn("{}; left as it is", document.getLeft().message());
        }
        files += document.getOrElse(false) ? 1 : 0;
      }
    }
    requestsThisPass += requests;
    documentsThisPass += files;
    boolean finished = batch.get().size() < BATCH;
    after = finished ? null : batch.get().get(batch.get().size() - 1).id();
    if (finished) {
      LOG.info(
          "stored data sealed with {}: {} credentials and webhook secrets, {} requests and {}"
              + " documents sealed again,"
              + " {} left as they are",
          keys.current(),
          credentialsThisPass,
          requestsThisPass,
          documentsThisPass,
          skippedThisPass);
    }
    return Either.right(new Step(requests, files, finished));
  }

  /**
   * Seals the row again when a column is not sealed with the current key. A row that does not open
   * (altered, or sealed by a key no longer held) is left as it is, so that it cannot stop the pass.
   */
  private Either<StorageFailure, Boolean> resealUnlessCurrent(Sealed row) {
    if (current(row)) {
      return Either.right(false);
    }
    Either<String, Sealed> again = resealed(row);
    if (again.isLeft()) {
      skippedThisPass++;
      // The refusal names the request and column only, never what it could not read.
      LOG.warn("{}; left as it is", again.getLeft());
      return Either.right(false);
    }
    return reseal(row, again.get());
  }

  /** Whether every sealed column of the row is sealed with the current key. */
  private boolean current(Sealed row) {
    boolean lookupMissing = row.reference() != null && row.referenceLookup() == null;
    return !lookupMissing
        && sealedOrAbsent(row.reference())
        && sealedOrAbsent(row.notifyEmail())
        && rows.sealedWithCurrentKey(row.history())
        && rows.sealedWithCurrentKey(row.searches())
        && sealedOrAbsent(row.outcome())
        && sealedOrAbsent(row.values());
  }

  private boolean sealedOrAbsent(@Nullable String stored) {
    return stored == null || rows.sealedWithCurrentKey(stored);
  }

  /** Writes the row's columns sealed again, if the row is still as it was read. */
  private Either<StorageFailure, Boolean> reseal(Sealed row, Sealed again) {
    @Nullable String values = again.values();
    return database.inTransaction(
        "seal request " + row.id() + " again",
        handle -> {
          int changed =
              handle
                  .createUpdate(UPDATE_SQL)
                  .bind("reference", again.reference())
                  .bind("notifyEmail", again.notifyEmail())
                  .bind("referenceLookup", again.referenceLookup())
                  .bind("history", again.history())
                  .bind("searches", again.searches())
                  .bind("outcome", again.outcome())
                  .bind("id", row.id())
                  .bind("version", row.version())
                  .execute();
          if (changed == 1 && values != null) {
            // The request row stays locked until this commits, and every writer of the values
            // (the repository, the retention job) updates the request row first: the values are
            // still those read.
            handle
                .createUpdate(
                    "UPDATE request_values SET values_json = :sealed WHERE request_id = :id")
                .bind("sealed", values)
                .bind("id", row.id())
                .execute();
          }
          return Either.right(changed == 1);
        });
  }

  /** The row's columns sealed again with the current key, or why one does not open. */
  private Either<String, Sealed> resealed(Sealed row) {
    String id = row.id();
    return again(row.reference(), id, RequestRows.REFERENCE)
        .flatMap(reference ->
            again(row.notifyEmail(), id, RequestRows.NOTIFY_EMAIL)
                .flatMap(email ->
                    lookupAgain(row)
                        .flatMap(lookup ->
                            rows.resealed(row.history(), id, RequestRows.HISTORY)
                                .flatMap(history ->
                                    rows.resealed(row.searches(), id, RequestRows.SEARCHES)
                                        .flatMap(searches ->
                                            again(row.outcome(), id, RequestRows.OUTCOME)
                                                .flatMap(outcome ->
                                                    again(row.values(), id, RequestRows.VALUES)
                                                        .map(values ->
                                                            new Sealed(
                                                                id,
                                                                row.caller(),
                                                                row.version(),
                                                                reference.getOrNull(),
                                                                email.getOrNull(),
                                                                lookup.getOrNull(),
                                                                history,
                                                                searches,
                                                                outcome.getOrNull(),
                                                                row.hasDocument(),
                                                                values.getOrNull()))))))));
  }

  private Either<String, Option<String>> lookupAgain(Sealed row) {
    @Nullable String reference = row.reference();
    return reference == null
        ? Either.right(Option.none())
        : rows.referenceLookup(row.caller(), reference, row.id()).map(Option::some);
  }

  private Either<String, Option<String>> again(@Nullable String stored, String id, String column) {
    return stored == null
        ? Either.right(Option.none())
        : rows.resealed(stored, id, column).map(Option::some);
  }

  /** The sealed columns of one request as read, with the version they belong to. */
  private record Sealed(
      String id,
      String caller,
      long version,
      @Nullable String reference,
      @Nullable String notifyEmail,
      @Nullable String referenceLookup,
      String history,
      String searches,
      @Nullable String outcome,
      boolean hasDocument,
      @Nullable String values) {}
}

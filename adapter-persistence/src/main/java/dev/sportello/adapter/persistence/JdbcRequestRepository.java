package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.Page;
import dev.sportello.application.port.out.PageRequest;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.SyncView;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.webhook.WebhookEventType;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests in {@code request} and {@code request_values}. Writes are optimistic: an update names
 * the version it read, and a write over a newer one is a {@link StorageFailure.StaleWrite}. The
 * primary key and the unique upstream id make concurrent writers safe without locks.
 *
 * <p>Each write also queues its webhook events in {@code webhook_delivery}, in its transaction and
 * in one more statement: an {@code INSERT … SELECT} that joins the caller's endpoint (so it writes
 * nothing for a caller without one) and, for an update, reads the stored row at the version the
 * update names, before the update, to compare the status and the document with.
 */
final class JdbcRequestRepository implements RequestRepository {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcRequestRepository.class);

  /** What every query of requests starts with. */
  static final String SELECT =
      "SELECT "
          + RequestRow.COLUMNS
          + " FROM request r LEFT JOIN request_values v ON v.request_id = r.id";

  /** The terminal statuses as an SQL list, such as {@code ('FULFILLED', 'CANCELLED')}. */
  static final String TERMINAL = sqlList(RequestStatus.terminal());

  /** Accepted and not closed upstream, oldest first. */
  static final String AWAITING_DISPATCH =
      SELECT
          + " WHERE r.status = 'ACCEPTED' AND r.dispatch_kind <> 'CLOSED'"
          + " ORDER BY r.created_at, r.id LIMIT :limit";

  /** Known upstream and not terminal: the small view the sync cycle compares. */
  static final String OPEN_UPSTREAM =
      "SELECT id, engine, upstream_id, status, upstream_updated_at FROM request"
          + " WHERE upstream_id IS NOT NULL AND status NOT IN "
          + TERMINAL
          + " ORDER BY id";

  /** Available upstream and not stored yet, oldest first. */
  static final String AWAITING_DOCUMENT =
      SELECT
          + " WHERE NOT r.has_document AND r.upstream_id IS NOT NULL"
          + " AND r.status IN "
          + sqlList(RequestStatus.offeringDocument())
          + " ORDER BY r.created_at, r.id LIMIT :limit";

  static final String INSERT =
      "INSERT INTO request (id, caller, certificate_id, engine, certificate_name, status,"
          + " dispatch_kind, close_attempts, upstream_id, reference, notify_email, reference_lookup,"
          + " extras_json, quote_json, total_cents, history_json, searches_json, selection_json,"
          + " outcome_json, document_name, document_size, document_sha256, has_document,"
          + " upstream_updated_at, created_at, updated_at, version) VALUES (:id, :caller,"
          + " :certificateId, :engine, :certificateName, :status, :dispatchKind, :closeAttempts,"
          + " :upstreamId, :reference, :notifyEmail, :referenceLookup, :extrasJson, :quoteJson,"
          + " :totalCents, :historyJson, :searchesJson, :selectionJson, :outcomeJson,"
          + " :documentName, :documentSize, :documentSha256, :hasDocument, :upstreamUpdatedAt,"
          + " :createdAt, :updatedAt, :version)";

  private static final String UPDATE =
      "UPDATE request SET caller = :caller, certificate_id = :certificateId, engine = :engine,"
          + " certificate_name = :certificateName, status = :status, dispatch_kind = :dispatchKind,"
          + " close_attempts = :closeAttempts, upstream_id = :upstreamId, reference = :reference,"
          + " notify_email = :notifyEmail, reference_lookup = :referenceLookup,"
          + " extras_json = :extrasJson, quote_json = :quoteJson, total_cents = :totalCents,"
          + " history_json = :historyJson, searches_json = :searchesJson,"
          + " selection_json = :selectionJson, outcome_json = :outcomeJson,"
          + " document_name = :documentName, document_size = :documentSize,"
          + " document_sha256 = :documentSha256, has_document = :hasDocument,"
          + " upstream_updated_at = :upstreamUpdatedAt, created_at = :createdAt,"
          + " updated_at = :updatedAt, version = :version"
          + " WHERE id = :id AND version = :expectedVersion";

  /** The columns of a queued delivery, in the order the outbox statements give them. */
  private static final String DELIVERY_INSERT =
      "INSERT INTO webhook_delivery (id, caller, request_id, event_type, previous_status, status,"
          + " document_name, document_size, document_sha256, created_at, state, attempts_json,"
          + " round_attempts, queued_at, next_attempt_at, due_at, claim) ";

  /** The first status of a new request, for a caller with an endpoint. */
  private static final String QUEUE_INSERTED =
      DELIVERY_INSERT
          + "SELECT :statusMessageId, e.caller, :id, :statusChanged, NULL, :status, NULL, NULL,"
          + " NULL, :statusAt, 'PENDING', '[]', 0, :statusAt, :statusAt, :statusAt, 0"
          + " FROM webhook_endpoint e WHERE e.caller = :caller";

  /** A status that differs from the stored row's, for a caller with an endpoint. */
  private static final String QUEUE_STATUS_CHANGE =
      "SELECT :statusMessageId, r.caller, r.id, :statusChanged, r.status, :status, NULL, NULL,"
          + " NULL, :statusAt, 'PENDING', '[]', 0, :statusAt, :statusAt, :statusAt, 0"
          + " FROM request r JOIN webhook_endpoint e ON e.caller = r.caller"
          + " WHERE r.id = :id AND r.version = :expectedVersion AND r.status <> :status";

  /** A document the stored row does not have yet, for a caller with an endpoint. */
  private static final String QUEUE_DOCUMENT_READY =
      " UNION ALL SELECT :documentMessageId, r.caller, r.id, :documentReady, NULL, :status,"
          + " :documentName, :documentSize, :documentSha256, :updatedAt, 'PENDING', '[]', 0,"
          + " :updatedAt, :updatedAt, :updatedAt, 0"
          + " FROM request r JOIN webhook_endpoint e ON e.caller = r.caller"
          + " WHERE r.id = :id AND r.version = :expectedVersion AND NOT r.has_document";

  private final Database database;
  private final RequestRows rows;
  private final RecentRequests recent;

  private static String sqlList(List<RequestStatus> statuses) {
    return statuses.map(status -> "'" + status.name() + "'").mkString("(", ", ", ")");
  }

  /**
   * @param recent what every read of one request (by id, by owner or by upstream id, whoever asks)
   *     and every listing is answered from when the row is unchanged; the sync cycle's batches of
   *     requests awaiting dispatch or their document, which the API seldom repeats, always decode
   */
  JdbcRequestRepository(Database database, RequestRows rows, RecentRequests recent) {
    this.database = database;
    this.rows = rows;
    this.recent = recent;
  }

  @Override
  public Either<StorageFailure, Stored<CertificateRequest>> insert(CertificateRequest request) {
    RequestRow row = rows.toRow(request, 0);
    return database
        .inTransaction(
            "insert request " + request.id(),
            handle -> {
              bindRow(handle.createUpdate(INSERT), row).execute();
              handle
                  .createUpdate(
                      "INSERT INTO request_values (request_id, values_json) VALUES (:id, :values)")
                  .bind("id", row.id())
                  .bind("values", row.valuesJson())
                  .execute();
              bindStatusChange(handle.createUpdate(QUEUE_INSERTED), request)
                  .bind("caller", request.caller())
                  .execute();
              return rows.toDomain(row);
            })
        .mapLeft(failure -> duplicate(failure, request));
  }

  @Override
  public Either<StorageFailure, Stored<CertificateRequest>> update(
      CertificateRequest request, long expectedVersion) {
    RequestRow row = rows.toRow(request, expectedVersion + 1);
    return database
        .inTransaction(
            "update request " + request.id(),
            handle -> {
              // Before the update, which the stored row is compared with; a stale update finds no
              // row here and none below, and the rollback takes back nothing.
              queueChanges(handle, request, expectedVersion);
              int changed =
                  bindRow(handle.createUpdate(UPDATE), row)
                      .bind("expectedVersion", expectedVersion)
                      .execute();
              if (changed == 0) {
                return Either.left(
                    new StorageFailure.StaleWrite(
                        "request " + request.id() + " is not at version " + expectedVersion));
              }
              // Erased values stay erased: after the retention job there is no row to update.
              handle
                  .createUpdate(
                      "UPDATE request_values SET values_json = :values WHERE request_id = :id")
                  .bind("id", row.id())
                  .bind("values", row.valuesJson())
                  .execute();
              return rows.toDomain(row);
            })
        .mapLeft(failure -> duplicate(failure, request));
  }

  /** Queues the events of an update from the stored row at the expected version. */
  private static void queueChanges(Handle handle, CertificateRequest request, long expected) {
    Option<DocumentRef> document = request.document();
    Update queue =
        bindStatusChange(
                handle.createUpdate(
                    DELIVERY_INSERT
                        + QUEUE_STATUS_CHANGE
                        + (document.isDefined() ? QUEUE_DOCUMENT_READY : "")),
                request)
            .bind("expectedVersion", expected);
    document.forEach(stored ->
        queue
            .bind("documentMessageId", MessageIds.next())
            .bind("documentReady", WebhookEventType.DOCUMENT_READY.wireName())
            .bind("documentName", stored.name())
            .bind("documentSize", stored.sizeBytes())
            .bind("documentSha256", stored.sha256())
            .bind("updatedAt", Database.timestamp(request.updatedAt())));
    queue.execute();
  }

  /** Binds what a status change event holds: the status entered, and when. */
  private static Update bindStatusChange(Update update, CertificateRequest request) {
    return update
        .bind("statusMessageId", MessageIds.next())
        .bind("statusChanged", WebhookEventType.STATUS_CHANGED.wireName())
        .bind("id", request.id().value())
        .bind("status", request.status().name())
        .bind("statusAt", Database.timestamp(request.history().last().at()));
  }

  private static StorageFailure duplicate(StorageFailure failure, CertificateRequest request) {
    if (!(failure instanceof StorageFailure.Duplicate)) {
      return failure;
    }
    return request.upstreamId().isDefined()
        ? new StorageFailure.Duplicate(
            "request "
                + request.id()
                + " or another request with upstream id "
                + request.upstreamId().get()
                + " exists")
        : new StorageFailure.Duplicate("a request " + request.id() + " exists");
  }

  @Override
  public Either<StorageFailure, Option<Stored<CertificateRequest>>> find(RequestId id) {
    return database.withHandle(
        "find request " + id,
        handle -> one(handle.createQuery(SELECT + " WHERE r.id = :id").bind("id", id.value())));
  }

  @Override
  public Either<StorageFailure, Option<Stored<CertificateRequest>>> findOwned(
      RequestId id, String caller) {
    return database.withHandle(
        "find request " + id,
        handle ->
            one(
                handle
                    .createQuery(SELECT + " WHERE r.id = :id AND r.caller = :caller")
                    .bind("id", id.value())
                    .bind("caller", caller)));
  }

  @Override
  public Either<StorageFailure, Option<Stored<CertificateRequest>>> findByUpstreamId(
      UpstreamId id) {
    return database.withHandle(
        "find request by upstream id " + id,
        handle ->
            one(
                handle
                    .createQuery(SELECT + " WHERE r.upstream_id = :upstreamId")
                    .bind("upstreamId", id.value())));
  }

  @Override
  public Either<StorageFailure, Page<CertificateRequest>> list(
      RequestFilter filter, PageRequest page) {
    return database
        .withHandle(
            "list requests",
            handle -> {
              java.util.List<String> lookups =
                  filter
                      .reference()
                      .map(reference -> rows.referenceLookups(filter.caller(), reference))
                      .getOrElse(java.util.List.of());
              return every(
                  bindList(
                      handle.createQuery(listSql(filter, page, lookups.size())),
                      filter,
                      page,
                      lookups));
            })
        .map(found -> {
          List<CertificateRequest> items = found.take(page.limit()).map(Stored::value);
          Option<PageRequest.Position> next =
              found.size() > page.limit()
                  ? Option.some(
                      new PageRequest.Position(items.last().createdAt(), items.last().id()))
                  : Option.none();
          return new Page<>(items, next);
        });
  }

  /**
   * The listing's query; every clause is a prefix of one of the caller indexes. The reference is
   * sealed, so it is looked up by its keyed hash under each of the {@code lookups} keys, or as it
   * is in a row written before sealing.
   */
  static String listSql(RequestFilter filter, PageRequest page, int lookups) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE r.caller = :caller");
    filter.status().forEach(status -> sql.append(" AND r.status = :status"));
    filter.certificateId().forEach(id -> sql.append(" AND r.certificate_id = :certificateId"));
    filter
        .reference()
        .forEach(reference -> {
          sql.append(" AND (r.reference_lookup IN (");
          for (int i = 0; i < lookups; i++) {
            sql.append(i == 0 ? "" : ", ").append(":lookup").append(i);
          }
          sql.append(") OR (r.reference_lookup IS NULL AND r.reference = :reference))");
        });
    page.after()
        .forEach(position -> sql.append(" AND (r.created_at, r.id) < (:afterCreatedAt, :afterId)"));
    return sql.append(" ORDER BY r.created_at DESC, r.id DESC LIMIT :limit").toString();
  }

  /**
   * Binds {@link #listSql}'s parameters; one more row than the page is asked for, to tell whether
   * another page follows.
   */
  static Query bindList(
      Query query, RequestFilter filter, PageRequest page, java.util.List<String> lookups) {
    query.bind("caller", filter.caller()).bind("limit", page.limit() + 1);
    filter.status().forEach(status -> query.bind("status", status.name()));
    filter.certificateId().forEach(id -> query.bind("certificateId", id.value()));
    filter.reference().forEach(reference -> query.bind("reference", reference));
    for (int i = 0; i < lookups.size(); i++) {
      query.bind("lookup" + i, lookups.get(i));
    }
    page.after()
        .forEach(position ->
            query
                .bind("afterCreatedAt", Database.timestamp(Database.stored(position.createdAt())))
                .bind("afterId", position.id().value()));
    return query;
  }

  @Override
  public Either<StorageFailure, List<CertificateRequest>> awaitingDispatch(int limit) {
    return database
        .withHandle(
            "list requests awaiting dispatch",
            handle -> openable(handle.createQuery(AWAITING_DISPATCH).bind("limit", limit)))
        .map(found -> found.map(Stored::value));
  }

  @Override
  public Either<StorageFailure, List<SyncView>> openUpstream() {
    return database.withHandle(
        "list requests open upstream",
        handle -> {
          List<SyncView> views =
              List.ofAll(
                  handle.createQuery(OPEN_UPSTREAM).map(JdbcRequestRepository::syncView).list());
          return Either.right(views);
        });
  }

  private static SyncView syncView(java.sql.ResultSet rs, StatementContext context)
      throws SQLException {
    @Nullable Instant upstreamUpdatedAt = Database.instant(rs, context, "upstream_updated_at");
    return new SyncView(
        new RequestId(RequestRow.required(rs, "id")),
        RequestRows.engine(RequestRow.required(rs, "engine")),
        new UpstreamId(RequestRow.required(rs, "upstream_id")),
        RequestStatus.valueOf(RequestRow.required(rs, "status")),
        Option.of(upstreamUpdatedAt));
  }

  @Override
  public Either<StorageFailure, List<CertificateRequest>> awaitingDocument(int limit) {
    return database
        .withHandle(
            "list requests awaiting their document",
            handle -> openable(handle.createQuery(AWAITING_DOCUMENT).bind("limit", limit)))
        .map(found -> found.map(Stored::value));
  }

  private Either<StorageFailure, Option<Stored<CertificateRequest>>> one(Query query) {
    java.util.List<RequestRow> found = query.map((rs, ctx) -> RequestRow.read(rs, ctx)).list();
    if (found.isEmpty()) {
      return Either.right(Option.none());
    }
    return recent.request(found.get(0)).map(Option::some);
  }

  /**
   * The requests the sync cycle works through. A row that does not open (altered, or sealed by a
   * key not held) is left out and logged by its id, so that it cannot stop every order behind it.
   */
  private Either<StorageFailure, List<Stored<CertificateRequest>>> openable(Query query) {
    return Either.right(
        rowsOf(query)
            .flatMap(row -> {
              Either<StorageFailure, Stored<CertificateRequest>> request = rows.toDomain(row);
              if (request.isLeft()) {
                // The id only: the failure may quote what the row holds.
                LOG.warn("stored request {} cannot be read; left out of this cycle", row.id());
              }
              return request.toOption();
            }));
  }

  /**
   * Every request a listing finds, or a failure: a caller is told the store cannot answer rather
   * than shown a page that silently lacks a request.
   */
  private Either<StorageFailure, List<Stored<CertificateRequest>>> every(Query query) {
    return Either.sequenceRight(rowsOf(query).map(recent::request))
        .map(io.vavr.collection.Seq::toList);
  }

  private static List<RequestRow> rowsOf(Query query) {
    return List.ofAll(query.map((rs, ctx) -> RequestRow.read(rs, ctx)).list());
  }

  static Update bindRow(Update update, RequestRow row) {
    return update
        .bind("id", row.id())
        .bind("caller", row.caller())
        .bind("certificateId", row.certificateId())
        .bind("engine", row.engine())
        .bind("certificateName", row.certificateName())
        .bind("status", row.status())
        .bind("dispatchKind", row.dispatchKind())
        .bind("closeAttempts", row.closeAttempts())
        .bind("upstreamId", row.upstreamId())
        .bind("reference", row.reference())
        .bind("notifyEmail", row.notifyEmail())
        .bind("referenceLookup", row.referenceLookup())
        .bind("extrasJson", row.extrasJson())
        .bind("quoteJson", row.quoteJson())
        .bind("totalCents", row.totalCents())
        .bind("historyJson", row.historyJson())
        .bind("searchesJson", row.searchesJson())
        .bind("selectionJson", row.selectionJson())
        .bind("outcomeJson", row.outcomeJson())
        .bind("documentName", row.documentName())
        .bind("documentSize", row.documentSize())
        .bind("documentSha256", row.documentSha256())
        .bind("hasDocument", row.hasDocument())
        .bind("upstreamUpdatedAt", Database.timestamp(row.upstreamUpdatedAt()))
        .bind("createdAt", Database.timestamp(row.createdAt()))
        .bind("updatedAt", Database.timestamp(row.updatedAt()))
        .bind("version", row.version());
  }
}

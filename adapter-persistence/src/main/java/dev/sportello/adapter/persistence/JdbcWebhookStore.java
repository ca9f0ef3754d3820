package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.ClaimedDelivery;
import dev.sportello.application.port.out.DeliveryLogPage;
import dev.sportello.application.port.out.DeliveryLogRequest;
import dev.sportello.application.port.out.ReplayResult;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.port.out.WebhookStore;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.webhook.DeliveryAttempt;
import dev.sportello.domain.webhook.DeliveryState;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookDelivery;
import dev.sportello.domain.webhook.WebhookEndpoint;
import dev.sportello.domain.webhook.WebhookEvent;
import dev.sportello.domain.webhook.WebhookEventType;
import dev.sportello.domain.webhook.WebhookMessage;
import dev.sportello.domain.webhook.WebhookSecret;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook endpoints in {@code webhook_endpoint}, their secrets sealed with the data keys for their
 * caller; deliveries in {@code webhook_delivery}, queued by {@link JdbcRequestRepository} in the
 * transaction of each request's change. A claim takes due rows under {@code FOR UPDATE SKIP LOCKED}
 * on PostgreSQL (SQLite's write transactions are serial) and leases them by moving their {@code
 * due_at} to the lease's end.
 */
final class JdbcWebhookStore implements WebhookStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcWebhookStore.class);

  private static final SealedColumn SECRETS =
      new SealedColumn(
          "webhook_endpoint", "caller", "secrets", "webhook-endpoint:", "webhook endpoint");

  private static final String ENDPOINT_COLUMNS =
      "caller, url, secrets, created_at, secret_created_at";

  private static final String DELIVERY_COLUMNS =
      "d.id, d.caller, d.request_id, d.event_type, d.previous_status, d.status, d.document_name,"
          + " d.document_size, d.document_sha256, d.created_at, d.state, d.attempts_json,"
          + " d.round_attempts, d.queued_at, d.next_attempt_at, d.claim";

  private final Database database;
  private final Dialect dialect;
  private final SealedText text;

  JdbcWebhookStore(Database database, Dialect dialect, LiveKeys keys) {
    this.database = database;
    this.dialect = dialect;
    this.text = new SealedText(keys);
  }

  @Override
  public Either<StorageFailure, Option<StoredEndpoint>> endpoint(String caller) {
    return database
        .withHandle(
            "read the webhook endpoint of " + caller,
            handle ->
                Either.right(
                    Option.ofOptional(
                        handle
                            .createQuery(
                                "SELECT "
                                    + ENDPOINT_COLUMNS
                                    + " FROM webhook_endpoint WHERE caller = :caller")
                            .bind("caller", caller)
                            .map(JdbcWebhookStore::endpointRow)
                            .findFirst())))
        .flatMap(found ->
            found.isEmpty() ? Either.right(Option.none()) : opened(found.get()).map(Option::some));
  }

  @Override
  public Either<StorageFailure, StoredEndpoint> saveEndpoint(StoredEndpoint endpoint) {
    WebhookEndpoint shown = endpoint.endpoint();
    String secrets =
        text.sealed(
            Json.write(
                new Json.EndpointSecretsJson(
                    endpoint.secret().value(),
                    endpoint.previous().map(old -> old.secret().value()).getOrNull(),
                    endpoint.previous().map(StoredEndpoint.RetiringSecret::until).getOrNull())),
            place(shown.caller()));
    Database.Work<Boolean> write =
        handle -> {
          int updated =
              bindEndpoint(
                      handle.createUpdate(
                          "UPDATE webhook_endpoint SET url = :url, secrets = :secrets,"
                              + " created_at = :createdAt, secret_created_at = :secretCreatedAt"
                              + " WHERE caller = :caller"),
                      shown,
                      secrets)
                  .execute();
          if (updated == 0) {
            bindEndpoint(
                    handle.createUpdate(
                        "INSERT INTO webhook_endpoint ("
                            + ENDPOINT_COLUMNS
                            + ") VALUES (:caller, :url, :secrets, :createdAt, :secretCreatedAt)"),
                    shown,
                    secrets)
                .execute();
          }
          return Either.right(true);
        };
    return database
        .upsert("save the webhook endpoint of " + shown.caller(), write)
        .map(done -> endpoint);
  }

  private static Update bindEndpoint(Update update, WebhookEndpoint endpoint, String secrets) {
    return update
        .bind("caller", endpoint.caller())
        .bind("url", endpoint.url().toString())
        .bind("secrets", secrets)
        .bind("createdAt", Database.timestamp(endpoint.createdAt()))
        .bind("secretCreatedAt", Database.timestamp(endpoint.secretCreatedAt()));
  }

  @Override
  public Either<StorageFailure, Boolean> removeEndpoint(String caller) {
    return database.inTransaction(
        "remove the webhook endpoint of " + caller,
        handle -> {
          int removed =
              handle
                  .createUpdate("DELETE FROM webhook_endpoint WHERE caller = :caller")
                  .bind("caller", caller)
                  .execute();
          handle
              .createUpdate(
                  "UPDATE webhook_delivery SET state = 'FAILED', next_attempt_at = NULL,"
                      + " due_at = NULL WHERE caller = :caller AND state = 'PENDING'")
              .bind("caller", caller)
              .execute();
          return Either.right(removed > 0);
        });
  }

  @Override
  public Either<StorageFailure, List<ClaimedDelivery>> claimDue(
      Instant now, Duration lease, int limit) {
    String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE OF d SKIP LOCKED" : "";
    return database.inTransaction(
        "claim due webhook deliveries",
        handle -> {
          java.util.List<DueRow> due =
              handle
                  .createQuery(
                      "SELECT "
                          + DELIVERY_COLUMNS
                          + ", e.url, e.secrets, e.created_at AS endpoint_created_at,"
                          + " e.secret_created_at FROM webhook_delivery d"
                          + " JOIN webhook_endpoint e ON e.caller = d.caller"
                          + " WHERE d.due_at <= :now AND d.state = 'PENDING'"
                          + " ORDER BY d.due_at, d.created_at, d.id LIMIT :limit"
                          + lock)
                  .bind("now", Database.timestamp(now))
                  .bind("limit", limit)
                  .map((rs, ctx) ->
                      new DueRow(
                          deliveryRow(rs, ctx),
                          new EndpointRow(
                              RequestRow.required(rs, "caller"),
                              RequestRow.required(rs, "url"),
                              RequestRow.required(rs, "secrets"),
                              Database.requiredInstant(rs, ctx, "endpoint_created_at"),
                              Database.requiredInstant(rs, ctx, "secret_created_at"))))
                  .list();
          List<ClaimedDelivery> claimed = List.empty();
          for (DueRow row : due) {
            Either<StorageFailure, StoredEndpoint> endpoint = opened(row.endpoint());
            Either<StorageFailure, WebhookDelivery> delivery = row.delivery().delivery();
            if (endpoint.isLeft() || delivery.isLeft()) {
              // By id only: the failure may quote what the row holds.
              LOG.warn(
                  "webhook delivery {} cannot be read; left out of this run", row.delivery().id());
              continue;
            }
            claimed =
                claimed.prepend(
                    new ClaimedDelivery(
                        delivery.get(), endpoint.get(), row.delivery().claim() + 1));
          }
          claimed = claimed.reverse();
          if (!claimed.isEmpty()) {
            PreparedBatch batch =
                handle.prepareBatch(
                    "UPDATE webhook_delivery SET due_at = :leaseEnd, claim = :claim WHERE id = :id");
            for (ClaimedDelivery claim : claimed) {
              batch
                  .bind("leaseEnd", Database.timestamp(now.plus(lease)))
                  .bind("claim", claim.claim())
                  .bind("id", claim.delivery().id())
                  .add();
            }
            batch.execute();
          }
          return Either.right(claimed);
        });
  }

  @Override
  public Either<StorageFailure, Boolean> recordAttempt(
      ClaimedDelivery claimed, DeliveryAttempt attempt, Option<Instant> next) {
    WebhookDelivery after = claimed.delivery().after(attempt, next);
    return database.withHandle(
        "record an attempt at webhook delivery " + after.id(),
        handle ->
            Either.right(
                handle
                        .createUpdate(
                            "UPDATE webhook_delivery SET state = :state,"
                                + " attempts_json = :attempts, round_attempts = :roundAttempts,"
                                + " next_attempt_at = :next, due_at = :next"
                                + " WHERE id = :id AND claim = :claim AND state = 'PENDING'")
                        .bind("state", after.state().name())
                        .bind("attempts", attemptsJson(after.attempts()))
                        .bind("roundAttempts", after.attemptsThisRound())
                        .bind("next", Database.timestamp(after.nextAttemptAt().getOrNull()))
                        .bind("id", after.id())
                        .bind("claim", claimed.claim())
                        .execute()
                    == 1));
  }

  @Override
  public Either<StorageFailure, DeliveryLogPage> deliveries(
      String caller, DeliveryLogRequest page) {
    return database
        .withHandle(
            "list the webhook deliveries of " + caller,
            handle -> {
              var query =
                  handle
                      .createQuery(
                          "SELECT "
                              + DELIVERY_COLUMNS
                              + " FROM webhook_delivery d WHERE d.caller = :caller"
                              + (page.after().isDefined()
                                  ? " AND (d.created_at, d.id) < (:afterCreatedAt, :afterId)"
                                  : "")
                              + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit")
                      .bind("caller", caller)
                      .bind("limit", page.limit() + 1);
              page.after()
                  .forEach(position ->
                      query
                          .bind("afterCreatedAt", Database.timestamp(position.createdAt()))
                          .bind("afterId", position.id()));
              return every(query.map(JdbcWebhookStore::deliveryRow).list());
            })
        .map(found -> {
          List<WebhookDelivery> items = found.take(page.limit());
          Option<DeliveryLogRequest.Position> next =
              found.size() > page.limit()
                  ? Option.some(
                      new DeliveryLogRequest.Position(items.last().createdAt(), items.last().id()))
                  : Option.none();
          return new DeliveryLogPage(items, next);
        });
  }

  @Override
  public Either<StorageFailure, Option<WebhookDelivery>> delivery(String caller, String id) {
    return database.withHandle("read webhook delivery " + id, handle -> one(handle, caller, id));
  }

  @Override
  public Either<StorageFailure, ReplayResult> replay(String caller, String id, Instant at) {
    return database.inTransaction(
        "replay webhook delivery " + id,
        handle -> {
          int queued =
              handle
                  .createUpdate(
                      "UPDATE webhook_delivery SET state = 'PENDING', round_attempts = 0,"
                          + " queued_at = :at, next_attempt_at = :at, due_at = :at"
                          + " WHERE id = :id AND caller = :caller AND state <> 'PENDING'")
                  .bind("at", Database.timestamp(at))
                  .bind("id", id)
                  .bind("caller", caller)
                  .execute();
          return one(handle, caller, id)
              .map(found ->
                  found.isEmpty()
                      ? new ReplayResult.Unknown()
                      : queued == 1
                          ? new ReplayResult.Queued(found.get())
                          : new ReplayResult.StillPending());
        });
  }

  @Override
  public Either<StorageFailure, Integer> purgeDeliveries(Instant createdBefore) {
    return database.withHandle(
        "erase old webhook deliveries",
        handle ->
            Either.right(
                handle
                    .createUpdate(
                        "DELETE FROM webhook_delivery"
                            + " WHERE created_at < :cutoff AND state <> 'PENDING'")
                    .bind("cutoff", Database.timestamp(createdBefore))
                    .execute()));
  }

  private static Either<StorageFailure, Option<WebhookDelivery>> one(
      Handle handle, String caller, String id) {
    java.util.List<DeliveryRow> found =
        handle
            .createQuery(
                "SELECT "
                    + DELIVERY_COLUMNS
                    + " FROM webhook_delivery d WHERE d.id = :id AND d.caller = :caller")
            .bind("id", id)
            .bind("caller", caller)
            .map(JdbcWebhookStore::deliveryRow)
            .list();
    return found.isEmpty()
        ? Either.right(Option.none())
        : found.get(0).delivery().map(Option::some);
  }

  /** Every delivery of a listing, or a failure rather than a page silently short of one. */
  private static Either<StorageFailure, List<WebhookDelivery>> every(
      java.util.List<DeliveryRow> rows) {
    return Either.sequenceRight(List.ofAll(rows).map(DeliveryRow::delivery))
        .map(io.vavr.collection.Seq::toList);
  }

  /** An endpoint as read, its secrets still sealed. */
  private record EndpointRow(
      String caller, String url, String secrets, Instant createdAt, Instant secretCreatedAt) {}

  private record DueRow(DeliveryRow delivery, EndpointRow endpoint) {}

  private static EndpointRow endpointRow(ResultSet rs, StatementContext context)
      throws SQLException {
    return new EndpointRow(
        RequestRow.required(rs, "caller"),
        RequestRow.required(rs, "url"),
        RequestRow.required(rs, "secrets"),
        Database.requiredInstant(rs, context, "created_at"),
        Database.requiredInstant(rs, context, "secret_created_at"));
  }

  private Either<StorageFailure, StoredEndpoint> opened(EndpointRow row) {
    return text.opened(row.secrets(), place(row.caller()))
        .mapLeft(refusal ->
            (StorageFailure)
                new StorageFailure.Unavailable(
                    "the webhook secrets of " + row.caller() + " do not open: " + refusal))
        .flatMap(plain -> {
          try {
            Json.EndpointSecretsJson secrets = Json.read(plain, Json.EndpointSecretsJson.class);
            @Nullable String previous = secrets.previous();
            @Nullable Instant until = secrets.previousUntil();
            return Either.right(
                new StoredEndpoint(
                    new WebhookEndpoint(
                        row.caller(), row.url(), row.createdAt(), row.secretCreatedAt()),
                    new WebhookSecret(secrets.secret()),
                    previous == null || until == null
                        ? Option.none()
                        : Option.some(
                            new StoredEndpoint.RetiringSecret(
                                new WebhookSecret(previous), until))));
          } catch (RuntimeException unreadable) {
            // Named by class only: the refusal may quote a secret.
            return Either.left(
                new StorageFailure.Unavailable(
                    "the webhook secrets of "
                        + row.caller()
                        + " cannot be read ("
                        + unreadable.getClass().getSimpleName()
                        + ")"));
          }
        });
  }

  /** Binds an endpoint's sealed secrets to its caller, apart from every other sealed column. */
  private static byte[] place(String caller) {
    return SECRETS.place(caller);
  }

  /** Seals again with the current key every endpoint's secrets an older key sealed. */
  Either<StorageFailure, SealedColumn.SealedAgain> sealAgain() {
    return SECRETS.sealAgain(database, text);
  }

  /** A delivery row as read, decoded on demand so that one bad row is told apart. */
  private record DeliveryRow(
      String id,
      String caller,
      String requestId,
      String eventType,
      @Nullable String previousStatus,
      String status,
      @Nullable String documentName,
      @Nullable Long documentSize,
      @Nullable String documentSha256,
      Instant createdAt,
      String state,
      String attemptsJson,
      int roundAttempts,
      Instant queuedAt,
      @Nullable Instant nextAttemptAt,
      long claim) {

    Either<StorageFailure, WebhookDelivery> delivery() {
      try {
        WebhookEvent event = event();
        return Either.right(
            new WebhookDelivery(
                new WebhookMessage(id, createdAt, event),
                DeliveryState.valueOf(state),
                List.ofAll(Json.read(attemptsJson, Json.ATTEMPTS)).map(JdbcWebhookStore::attempt),
                roundAttempts,
                queuedAt,
                Option.of(nextAttemptAt)));
      } catch (RuntimeException malformed) {
        return Either.left(
            new StorageFailure.Unavailable(
                "webhook delivery "
                    + id
                    + " cannot be read ("
                    + malformed.getClass().getSimpleName()
                    + ")"));
      }
    }

    private WebhookEvent event() {
      RequestId request = new RequestId(requestId);
      RequestStatus current = RequestStatus.valueOf(status);
      WebhookEventType type =
          WebhookEventType.ofWireName(eventType)
              .getOrElseThrow(() -> new IllegalArgumentException("unknown event type"));
      return switch (type) {
        case STATUS_CHANGED ->
            new WebhookEvent.StatusChanged(
                request,
                caller,
                Option.of(previousStatus).map(RequestStatus::valueOf),
                current,
                createdAt);
        case DOCUMENT_READY ->
            new WebhookEvent.DocumentReady(
                request,
                caller,
                current,
                new DocumentRef(
                    present(documentName), present(documentSize), present(documentSha256)),
                createdAt);
      };
    }

    private static <T> T present(@Nullable T value) {
      if (value == null) {
        throw new IllegalArgumentException("a document_ready row without its document");
      }
      return value;
    }
  }

  private static DeliveryRow deliveryRow(ResultSet rs, StatementContext context)
      throws SQLException {
    long size = rs.getLong("document_size");
    @Nullable Long documentSize = rs.wasNull() ? null : size;
    return new DeliveryRow(
        RequestRow.required(rs, "id"),
        RequestRow.required(rs, "caller"),
        RequestRow.required(rs, "request_id"),
        RequestRow.required(rs, "event_type"),
        RequestRow.optional(rs, "previous_status"),
        RequestRow.required(rs, "status"),
        RequestRow.optional(rs, "document_name"),
        documentSize,
        RequestRow.optional(rs, "document_sha256"),
        Database.requiredInstant(rs, context, "created_at"),
        RequestRow.required(rs, "state"),
        RequestRow.required(rs, "attempts_json"),
        rs.getInt("round_attempts"),
        Database.requiredInstant(rs, context, "queued_at"),
        Database.instant(rs, context, "next_attempt_at"),
        rs.getLong("claim"));
  }

  private static DeliveryAttempt attempt(Json.AttemptJson json) {
    @Nullable String failure = json.failure();
    SendResult result =
        failure != null
            ? new SendResult.Failed(SendResult.FailureKind.valueOf(failure))
            : json.status() >= 200 && json.status() <= 299
                ? new SendResult.Delivered(json.status())
                : new SendResult.Rejected(json.status());
    return new DeliveryAttempt(json.at(), result);
  }

  private static String attemptsJson(List<DeliveryAttempt> attempts) {
    return Json.write(
        attempts
            .map(attempt ->
                switch (attempt.result()) {
                  case SendResult.Delivered delivered ->
                      new Json.AttemptJson(attempt.at(), delivered.status(), null);
                  case SendResult.Rejected rejected ->
                      new Json.AttemptJson(attempt.at(), rejected.status(), null);
                  case SendResult.Failed failed ->
                      new Json.AttemptJson(attempt.at(), 0, failed.kind().name());
                })
            .toJavaList());
  }
}

package dev.sportello.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code request} joined with its values, as stored. Nullable columns are nullable
 * components; the JSON columns hold {@link Json} forms. Personal data (the reference, the email,
 * the notes in the history, the upstream message, the search candidates and the values) is sealed,
 * except in rows written before sealing.
 *
 * @param engine the name of the engine the request was ordered through
 * @param referenceLookup the keyed hash a listing filters the reference by; null without a
 *     reference, and in rows written before sealing
 * @param valuesJson the submitted values, or null once the retention job erased them
 */
record RequestRow(
    String id,
    String caller,
    String certificateId,
    String engine,
    String certificateName,
    String status,
    String dispatchKind,
    int closeAttempts,
    @Nullable String upstreamId,
    @Nullable String reference,
    @Nullable String notifyEmail,
    @Nullable String referenceLookup,
    String extrasJson,
    String quoteJson,
    long totalCents,
    String historyJson,
    String searchesJson,
    @Nullable String selectionJson,
    @Nullable String outcomeJson,
    @Nullable String documentName,
    @Nullable Long documentSize,
    @Nullable String documentSha256,
    boolean hasDocument,
    @Nullable Instant upstreamUpdatedAt,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant purgedAt,
    long version,
    @Nullable String valuesJson) {

  /** The columns {@link #read} expects, from {@code request r} left-joined with {@code v}. */
  static final String COLUMNS =
      "r.id, r.caller, r.certificate_id, r.engine, r.certificate_name, r.status, r.dispatch_kind,"
          + " r.close_attempts, r.upstream_id, r.reference, r.notify_email, r.reference_lookup,"
          + " r.extras_json, r.quote_json, r.total_cents, r.history_json, r.searches_json,"
          + " r.selection_json, r.outcome_json, r.document_name, r.document_size,"
          + " r.document_sha256, r.has_document, r.upstream_updated_at, r.created_at,"
          + " r.updated_at, r.purged_at, r.version, v.values_json";

  /**
   * Reads the current row; a NOT NULL column that comes back null is a broken row. The columns are
   * read by their place in {@link #COLUMNS}, in order, which spares the driver a lookup by name.
   */
  static RequestRow read(ResultSet rs, StatementContext context) throws SQLException {
    InOrder columns = new InOrder(rs, context);
    return new RequestRow(
        columns.required("id"),
        columns.required("caller"),
        columns.required("certificate_id"),
        columns.required("engine"),
        columns.required("certificate_name"),
        columns.required("status"),
        columns.required("dispatch_kind"),
        (int) columns.number(),
        columns.optional(),
        columns.optional(),
        columns.optional(),
        columns.optional(),
        columns.required("extras_json"),
        columns.required("quote_json"),
        columns.number(),
        columns.required("history_json"),
        columns.required("searches_json"),
        columns.optional(),
        columns.optional(),
        columns.optional(),
        columns.optionalNumber(),
        columns.optional(),
        columns.flag(),
        columns.instant(),
        columns.requiredInstant("created_at"),
        columns.requiredInstant("updated_at"),
        columns.instant(),
        columns.number(),
        columns.optional());
  }

  /** The columns of a row of {@link #COLUMNS}, each read once, from the first to the last. */
  private static final class InOrder {
    private final ResultSet rs;
    private final StatementContext context;
    private int next = 1;

    InOrder(ResultSet rs, StatementContext context) {
      this.rs = rs;
      this.context = context;
    }

    String required(String column) throws SQLException {
      return Database.present(optional(), column);
    }

    @Nullable String optional() throws SQLException {
      @Nullable String value = rs.getString(next++);
      return value;
    }

    long number() throws SQLException {
      return rs.getLong(next++);
    }

    @Nullable Long optionalNumber() throws SQLException {
      long value = rs.getLong(next++);
      return rs.wasNull() ? null : value;
    }

    boolean flag() throws SQLException {
      return rs.getBoolean(next++);
    }

    @Nullable Instant instant() throws SQLException {
      return Database.instant(rs, context, next++);
    }

    Instant requiredInstant(String column) throws SQLException {
      return Database.present(instant(), column);
    }
  }

  static @Nullable String optional(ResultSet rs, String column) throws SQLException {
    @Nullable String value = rs.getString(column);
    return value;
  }

  static String required(ResultSet rs, String column) throws SQLException {
    return Database.present(optional(rs, column), column);
  }
}

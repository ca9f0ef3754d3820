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

  /** Reads the current row; a NOT NULL column that comes back null is a broken row. */
  static RequestRow read(ResultSet rs, StatementContext context) throws SQLException {
    long size = rs.getLong("document_size");
    @Nullable Long documentSize = rs.wasNull() ? null : size;
    return new RequestRow(
        required(rs, "id"),
        required(rs, "caller"),
        required(rs, "certificate_id"),
        required(rs, "engine"),
        required(rs, "certificate_name"),
        required(rs, "status"),
        required(rs, "dispatch_kind"),
        rs.getInt("close_attempts"),
        optional(rs, "upstream_id"),
        optional(rs, "reference"),
        optional(rs, "notify_email"),
        optional(rs, "reference_lookup"),
        required(rs, "extras_json"),
        required(rs, "quote_json"),
        rs.getLong("total_cents"),
        required(rs, "history_json"),
        required(rs, "searches_json"),
        optional(rs, "selection_json"),
        optional(rs, "outcome_json"),
        optional(rs, "document_name"),
        documentSize,
        optional(rs, "document_sha256"),
        rs.getBoolean("has_document"),
        Database.instant(rs, context, "upstream_updated_at"),
        Database.requiredInstant(rs, context, "created_at"),
        Database.requiredInstant(rs, context, "updated_at"),
        Database.instant(rs, context, "purged_at"),
        rs.getLong("version"),
        optional(rs, "values_json"));
  }

  static @Nullable String optional(ResultSet rs, String column) throws SQLException {
    @Nullable String value = rs.getString(column);
    return value;
  }

  static String required(ResultSet rs, String column) throws SQLException {
    @Nullable String value = rs.getString(column);
    if (value == null) {
      throw new SQLException("column " + column + " is null", "22004");
    }
    return value;
  }
}

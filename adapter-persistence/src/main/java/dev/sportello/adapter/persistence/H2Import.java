package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Copies an H2 store, as earlier versions kept it under the data directory, into an empty SQLite
 * store: every row of every table of the schema, in one transaction, with the counts checked before
 * it commits. Personal columns are sealed with the current key as they are copied (see {@link
 * Personal}); times change form, from H2's timestamps to SQLite's text; the rest is copied as
 * stored.
 */
final class H2Import {
  /**
   * The SQLite header's user version once the import committed: set in the transaction that copies
   * the rows, so that the store says it holds them exactly when it does.
   */
  private static final int IMPORTED = 1;

  /** H2's error code for a database file that another process has open. */
  private static final int H2_DATABASE_IN_USE = 90020;

  private H2Import() {}

  /**
   * Why the H2 store cannot be imported now, when another process holds it open; asked before
   * anything opens it to migrate or copy it, which would otherwise only report H2's error code.
   */
  static Option<StorageFailure> heldElsewhere(PersistenceSettings h2Store) {
    try {
      DriverManager.getConnection(h2Store.jdbcUrl(), h2Store.user(), h2Store.password()).close();
      return Option.none();
    } catch (SQLException failure) {
      // Any other failure is reported by the migration that opens it next.
      return failure.getErrorCode() == H2_DATABASE_IN_USE ? Option.some(inUse()) : Option.none();
    }
  }

  private static StorageFailure inUse() {
    return new StorageFailure.Unavailable(
        "another process holds the H2 store ("
            + PersistenceSettings.H2_DATABASE_FILE
            + ") open, such as an earlier version still serving from this data directory; stop"
            + " it, then import again");
  }

  /** Rows copied per table, in the schema's order. */
  static Either<StorageFailure, Map<String, Integer>> copy(
      Database sqlite, PersistenceSettings h2Store, RequestRows rows) {
    return sqlite.inTransaction(
        "import the H2 store",
        target -> {
          Connection opened;
          try {
            opened =
                DriverManager.getConnection(h2Store.jdbcUrl(), h2Store.user(), h2Store.password());
          } catch (SQLException failure) {
            if (failure.getErrorCode() == H2_DATABASE_IN_USE) {
              return Either.left(inUse());
            }
            throw failure;
          }
          try (Connection h2 = opened) {
            Map<String, Integer> copied = LinkedHashMap.empty();
            for (String table : tables(target)) {
              if (count(target.getConnection(), table) > 0) {
                return Either.left(
                    new StorageFailure.Unavailable(
                        "the SQLite store already holds rows in " + table + "; nothing imported"));
              }
              int written =
                  copyTable(h2, target.getConnection(), table, columns(target, table), rows);
              int source = count(h2, table);
              int stored = count(target.getConnection(), table);
              if (written != source || stored != source) {
                return Either.left(
                    new StorageFailure.Unavailable(
                        "the import of "
                            + table
                            + " stored "
                            + stored
                            + " of "
                            + source
                            + " rows; nothing imported"));
              }
              copied = copied.put(table, stored);
            }
            target.execute("PRAGMA user_version = " + IMPORTED);
            return Either.right(copied);
          }
        });
  }

  /**
   * The rows an earlier import committed into this store, if one did: the process may have stopped
   * after the commit and before it renamed the H2 file aside.
   */
  static Either<StorageFailure, Option<Map<String, Integer>>> committed(Database sqlite) {
    return sqlite.withHandle(
        "read whether the H2 store was imported",
        target -> {
          if (target.createQuery("PRAGMA user_version").mapTo(Integer.class).one() != IMPORTED) {
            return Either.right(Option.none());
          }
          Map<String, Integer> stored = LinkedHashMap.empty();
          for (String table : tables(target)) {
            stored = stored.put(table, count(target.getConnection(), table));
          }
          return Either.right(Option.some(stored));
        });
  }

  /** The schema's tables in the order they were created, so a row's parent comes first. */
  private static List<String> tables(Handle target) {
    return List.ofAll(
        target
            .createQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                    + " AND name <> 'flyway_schema_history' ORDER BY rowid")
            .mapTo(String.class)
            .list());
  }

  private static List<String> columns(Handle target, String table) {
    return List.ofAll(
        target
            .createQuery("SELECT name FROM pragma_table_info(:table) ORDER BY cid")
            .bind("table", table)
            .mapTo(String.class)
            .list());
  }

  private static int count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static int copyTable(
      Connection h2, Connection sqlite, String table, List<String> columns, RequestRows rows)
      throws SQLException {
    String names = columns.mkString(", ");
    int copied = 0;
    try (Statement read = h2.createStatement();
        ResultSet rs = read.executeQuery("SELECT " + names + " FROM " + table);
        PreparedStatement write =
            sqlite.prepareStatement(
                "INSERT INTO "
                    + table
                    + " ("
                    + names
                    + ") VALUES "
                    + columns.map(column -> "?").mkString("(", ", ", ")"))) {
      ResultSetMetaData meta = rs.getMetaData();
      java.util.List<Integer> types = new ArrayList<>(columns.size());
      for (int i = 1; i <= columns.size(); i++) {
        types.add(meta.getColumnType(i));
      }
      // Row by row: a row's values carry its uploads inline, megabytes each. In one transaction,
      // SQLite writes a row without a sync, so batches would save nothing.
      while (rs.next()) {
        for (int i = 1; i <= columns.size(); i++) {
          copyValue(rs, write, i, columns.get(i - 1), types.get(i - 1), personal(table, rows));
        }
        copied += write.executeUpdate();
      }
    }
    return copied;
  }

  private static void copyValue(
      ResultSet rs,
      PreparedStatement write,
      int column,
      String name,
      int type,
      Option<Personal> personal)
      throws SQLException {
    switch (type) {
      case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP ->
          Dialect.SQLITE.bindInstant(write, column, Dialect.H2.readInstant(rs, name));
      case Types.BOOLEAN -> {
        boolean value = rs.getBoolean(column);
        if (rs.wasNull()) {
          write.setNull(column, Types.BOOLEAN);
        } else {
          write.setBoolean(column, value);
        }
      }
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT -> {
        long value = rs.getLong(column);
        if (rs.wasNull()) {
          write.setNull(column, Types.BIGINT);
        } else {
          write.setLong(column, value);
        }
      }
      default ->
          write.setString(
              column,
              personal.isDefined() ? personal.get().stored(rs, name) : rs.getString(column));
    }
  }

  private static Option<Personal> personal(String table, RequestRows rows) {
    return switch (table) {
      case "request" ->
          Option.some(
              new Personal(
                  rows,
                  "id",
                  HashMap.of(
                      "reference", RequestRows.REFERENCE,
                      "notify_email", RequestRows.NOTIFY_EMAIL,
                      "history_json", RequestRows.HISTORY,
                      "searches_json", RequestRows.SEARCHES,
                      "outcome_json", RequestRows.OUTCOME)));
      case "request_values" ->
          Option.some(
              new Personal(rows, "request_id", HashMap.of("values_json", RequestRows.VALUES)));
      default -> Option.none();
    };
  }

  /**
   * A table's personal columns, sealed as they are copied with the current key (opened first where
   * an older key sealed them), so that no clear text of an earlier version reaches the store; and
   * the reference's lookup, which an earlier version did not keep.
   *
   * @param id the column of the request id the values are sealed for
   * @param sealed the columns sealed, with the name they are sealed under
   */
  private record Personal(RequestRows rows, String id, Map<String, String> sealed) {
    @Nullable String stored(ResultSet rs, String column) throws SQLException {
      if (column.equals("reference_lookup")) {
        @Nullable String reference = rs.getString("reference");
        // A reference that does not open (its key is lost) cannot be looked up, here or before.
        return reference == null
            ? null
            : rows.referenceLookup(rs.getString("caller"), reference, rs.getString(id))
                .getOrElse((String) null);
      }
      @Nullable String value = rs.getString(column);
      Option<String> sealedAs = sealed.get(column);
      // A value that does not open is copied as it was: the import loses nothing it found.
      return value == null || sealedAs.isEmpty()
          ? value
          : rows.resealed(value, rs.getString(id), sealedAs.get()).getOrElse(value);
    }
  }
}

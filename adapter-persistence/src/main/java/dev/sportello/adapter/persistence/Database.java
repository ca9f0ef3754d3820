package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Jdbi with the adapter's one rule: nothing thrown by the driver, the pool or Jdbi crosses a port.
 * Every call is translated at this boundary into a {@link StorageFailure}; messages carry the
 * operation and the SQL state, never values.
 */
final class Database {
  /** SQL state of a unique or primary-key violation, on PostgreSQL and H2 alike. */
  static final String UNIQUE_VIOLATION = "23505";

  /** The statement attribute that tells bindings and mappers which dialect they speak to. */
  private static final String DIALECT = "sportello.dialect";

  private final Jdbi jdbi;
  private final Dialect dialect;

  Database(Jdbi jdbi, Dialect dialect) {
    this.jdbi = speaking(jdbi, dialect);
    this.dialect = dialect;
  }

  /** Lets {@link #timestamp} and {@link #instant} on this Jdbi's statements find the dialect. */
  static Jdbi speaking(Jdbi jdbi, Dialect dialect) {
    return jdbi.define(DIALECT, dialect);
  }

  /** Work on one handle in autocommit mode. */
  <T> Either<StorageFailure, T> withHandle(String operation, Work<T> work) {
    try {
      return jdbi.withHandle(work::run);
    } catch (RuntimeException | SQLException failure) {
      return Either.left(translate(operation, failure));
    }
  }

  /**
   * Work in one transaction, rolled back when the work answers a failure. PostgreSQL runs it at
   * read committed, the level the pool gives its connections; SQLite's transactions are
   * serializable.
   */
  <T> Either<StorageFailure, T> inTransaction(String operation, Work<T> work) {
    try {
      return dialect == Dialect.SQLITE
          ? jdbi.withHandle(handle -> immediately(handle, work))
          : jdbi.inTransaction(handle -> {
            Either<StorageFailure, T> result = work.run(handle);
            if (result.isLeft()) {
              handle.rollback();
            }
            return result;
          });
    } catch (RuntimeException | SQLException failure) {
      return Either.left(translate(operation, failure));
    }
  }

  /**
   * A SQLite transaction on a handle in autocommit mode. It takes the write lock as it begins, so
   * that writers queue on the busy timeout rather than fail when a reader would turn writer, and
   * takes nothing after COMMIT. The driver's own transactions begin the next one inside {@code
   * commit()}: that second lock could time out after the write was durable, and a committed write
   * would be reported as failed.
   */
  private static <T> Either<StorageFailure, T> immediately(Handle handle, Work<T> work)
      throws SQLException {
    handle.execute("BEGIN IMMEDIATE");
    try {
      Either<StorageFailure, T> result = work.run(handle);
      handle.execute(result.isLeft() ? "ROLLBACK" : "COMMIT");
      return result;
    } catch (RuntimeException | SQLException failure) {
      try {
        handle.execute("ROLLBACK");
      } catch (RuntimeException alreadyEnded) {
        // SQLite rolls some failures back itself; the failure that ended the work is what counts.
        failure.addSuppressed(alreadyEnded);
      }
      throw failure;
    }
  }

  /**
   * Writes a row under its key, in place of the row kept there: update, else insert, which every
   * database speaks alike. A concurrent insert of the same key makes this one a duplicate; the
   * write is then tried once more, and updates the row the other writer inserted.
   */
  Either<StorageFailure, Boolean> upsert(String operation, KeyedRow row) {
    return upsert(operation, row::write);
  }

  /**
   * Runs a write that updates a row else inserts it, in a transaction, once more when a concurrent
   * insert of the same key made it a duplicate.
   */
  Either<StorageFailure, Boolean> upsert(String operation, Work<Boolean> write) {
    Either<StorageFailure, Boolean> first = inTransaction(operation, write);
    return first.isLeft() && first.getLeft() instanceof StorageFailure.Duplicate
        ? inTransaction(operation, write)
        : first;
  }

  /**
   * A row of a table that keeps one body per key, with the time it was written.
   *
   * @param table the table, and its key, body and time columns
   */
  record KeyedRow(
      String table,
      String keyColumn,
      Object key,
      String bodyColumn,
      String body,
      String timeColumn,
      Instant at) {
    private Either<StorageFailure, Boolean> write(Handle handle) {
      int updated =
          handle
              .createUpdate(
                  "UPDATE "
                      + table
                      + " SET "
                      + bodyColumn
                      + " = :body, "
                      + timeColumn
                      + " = :at WHERE "
                      + keyColumn
                      + " = :key")
              .bind("body", body)
              .bind("at", timestamp(at))
              .bind("key", key)
              .execute();
      if (updated == 0) {
        handle
            .createUpdate(
                "INSERT INTO "
                    + table
                    + " ("
                    + keyColumn
                    + ", "
                    + bodyColumn
                    + ", "
                    + timeColumn
                    + ") VALUES (:key, :body, :at)")
            .bind("body", body)
            .bind("at", timestamp(at))
            .bind("key", key)
            .execute();
      }
      return Either.right(true);
    }
  }

  /** A unit of database work that answers a failure as a value or throws. */
  @FunctionalInterface
  interface Work<T> {
    Either<StorageFailure, T> run(Handle handle) throws SQLException;
  }

  /** Whether the failure, or one of its causes, is a unique-constraint violation. */
  static boolean isUniqueViolation(Throwable failure) {
    return sqlState(failure).contains(UNIQUE_VIOLATION) || sqlite(failure).exists(Database::unique);
  }

  static StorageFailure translate(String operation, Throwable failure) {
    if (isUniqueViolation(failure)) {
      return new StorageFailure.Duplicate(operation + ": a record with the same identity exists");
    }
    Option<SQLiteException> sqlite = sqlite(failure);
    if (sqlite.isDefined()) {
      return new StorageFailure.Unavailable(
          operation + " failed (SQLite " + sqlite.get().getResultCode().name() + ")");
    }
    Option<String> state = sqlState(failure);
    if (state.isDefined()) {
      String detail =
          state.get().startsWith("08") || state.get().startsWith("53")
              ? connectionDetail(failure)
              : "";
      return new StorageFailure.Unavailable(
          operation + " failed (SQL state " + state.get() + ")" + detail);
    }
    return new StorageFailure.Unavailable(
        operation + " failed (" + failure.getClass().getSimpleName() + ")");
  }

  private static String connectionDetail(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? "" : ": " + message;
  }

  /**
   * SQLite reports no SQL state: its result code tells a unique or primary-key violation apart.
   * Anything else it reports, such as a write lock still held past the busy timeout ({@code
   * SQLITE_BUSY}), is the store being unavailable.
   */
  private static Option<SQLiteException> sqlite(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLiteException sqlite) {
        return Option.some(sqlite);
      }
    }
    return Option.none();
  }

  private static boolean unique(SQLiteException failure) {
    return failure.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
        || failure.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
  }

  static Option<String> sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return Option.some(sql.getSQLState());
      }
    }
    return Option.none();
  }

  /** Instants are kept to the microsecond, PostgreSQL's resolution, on every database. */
  static Instant stored(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Binds an instant in the form the database keeps times in. */
  static Argument timestamp(@Nullable Instant instant) {
    return (position, statement, context) ->
        dialect(context).bindInstant(statement, position, instant);
  }

  /** Reads a time that {@link #timestamp} bound. */
  static @Nullable Instant instant(ResultSet rs, StatementContext context, String column)
      throws SQLException {
    return dialect(context).readInstant(rs, column);
  }

  /** Reads a time that {@link #timestamp} bound, by the column's index (from 1). */
  static @Nullable Instant instant(ResultSet rs, StatementContext context, int column)
      throws SQLException {
    return dialect(context).readInstant(rs, column);
  }

  /** Reads a time that is never null; a null there is a broken row. */
  static Instant requiredInstant(ResultSet rs, StatementContext context, String column)
      throws SQLException {
    return present(instant(rs, context, column), column);
  }

  /** A column's value where it is never null; a null there is a broken row. */
  static <T> T present(@Nullable T value, String column) throws SQLException {
    if (value == null) {
      throw new SQLException("column " + column + " is null", "22004");
    }
    return value;
  }

  private static Dialect dialect(StatementContext context) {
    if (context.getAttribute(DIALECT) instanceof Dialect dialect) {
      return dialect;
    }
    throw new IllegalStateException("a statement on a Jdbi that does not name its dialect");
  }
}

package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.SyncLock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The sync leader lock for instances sharing one PostgreSQL database: a session-level advisory
 * lock, tried without waiting. It is held on a connection of its own (see {@link LockSessions}),
 * whose session ends when the unlock itself fails, and a crashed instance never keeps it (the
 * server ends the session).
 */
final class PostgresSyncLock implements SyncLock {
  /** The advisory lock key: "SPORTELL" in ASCII. */
  static final long KEY = 0x53504f5254454c4cL;

  private final LockSessions sessions;

  PostgresSyncLock(LockSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public <T> Either<StorageFailure, Option<T>> runExclusively(Supplier<T> work) {
    try (Connection connection = sessions.open()) {
      if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
        return Either.right(Option.none());
      }
      try {
        return Either.right(Option.some(work.get()));
      } finally {
        try {
          call(connection, "SELECT pg_advisory_unlock(?)");
        } catch (SQLException failed) {
          LockSessions.discard(connection);
        }
      }
    } catch (SQLException failure) {
      return Either.left(Database.translate("take the sync lock", failure));
    }
  }

  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}

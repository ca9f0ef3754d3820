package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The credential locks of instances sharing one PostgreSQL database: a session-level advisory lock
 * per name, waited for at most {@link #PATIENCE} (a hung holder must not stall the renewals of
 * every other instance, whose waiting thread holds up its callers). It is held on a connection of
 * its own (see {@link LockSessions}) for the whole work: the work reads and saves the credential
 * through the pool, which a holder and its waiters then never drain when the adapter owns it; on
 * the application's pool, waiters queue in this process first ({@link QueuedCredentialLocks}), so
 * that each name holds at most one of its connections. A failed unlock ends the session, which
 * releases the lock, and a crashed instance never keeps it (the server ends the session).
 *
 * <p>The locks take the two-key form, whose keys never meet the one-key lock of {@link
 * PostgresSyncLock}: the first key is this family's, the second the name's {@link
 * String#hashCode()}, which Java specifies, so every instance computes the same. Two names with the
 * same hash share a lock, which only makes one wait for the other.
 */
final class PostgresCredentialLocks implements CredentialLocks {
  /** The first key of every credential lock: "CRED" in ASCII. */
  static final int FAMILY = 0x43524544;

  /** The longest wait for a credential lock. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  /** PostgreSQL's SQLSTATE for a lock not had within {@code lock_timeout}. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final LockSessions sessions;
  private final Duration patience;

  /**
   * The second keys of the locks each thread holds through these locks. A holder that takes its
   * lock again within its work (its name, or one with the same hash) goes on under the hold it has:
   * its own session would otherwise wait for it forever.
   */
  private final ThreadLocal<Set<Integer>> held = ThreadLocal.withInitial(HashSet::new);

  PostgresCredentialLocks(LockSessions sessions, Duration patience) {
    this.sessions = sessions;
    this.patience = patience;
  }

  @Override
  public <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work) {
    if (held.get().contains(name.hashCode())) {
      return Either.right(work.get());
    }
    Connection connection;
    try {
      connection = sessions.open();
    } catch (SQLException failure) {
      return Either.left(Database.translate("connect for the credential lock " + name, failure));
    }
    try {
      try {
        try (PreparedStatement bound =
            connection.prepareStatement("SELECT set_config('lock_timeout', ?, false)")) {
          bound.setString(1, patience.toMillis() + "ms");
          bound.execute();
        }
        call(connection, "SELECT pg_advisory_lock(?, ?)", name);
      } catch (SQLException failure) {
        return Either.left(
            LOCK_NOT_AVAILABLE.equals(failure.getSQLState())
                ? new StorageFailure.Unavailable(
                    "the credential lock " + name + " was not had within " + patience)
                : Database.translate("take the credential lock " + name, failure));
      }
      held.get().add(name.hashCode());
      try {
        return Either.right(work.get());
      } finally {
        held.get().remove(name.hashCode());
        try {
          call(connection, "SELECT pg_advisory_unlock(?, ?)", name);
        } catch (SQLException failed) {
          LockSessions.discard(connection);
        }
      }
    } finally {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The work has run and its result stands; the server ends the session with the socket.
      }
    }
  }

  private static void call(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setInt(1, FAMILY);
      statement.setInt(2, name.hashCode());
      statement.execute();
    }
  }
}

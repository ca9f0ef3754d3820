package dev.sportello.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens the connections that hold PostgreSQL's session-level advisory locks, one per hold: straight
 * from the driver when the adapter owns its pool, from the application's pool when it was given
 * one. A holder releases its lock before it closes the connection, and aborts a connection whose
 * unlock failed (see {@link #discard}), so that a pooled connection never goes back to its pool
 * still holding a lock.
 */
@FunctionalInterface
interface LockSessions {
  Connection open() throws SQLException;

  /**
   * Ends the connection's session at once, which releases every lock it holds; a pool drops an
   * aborted connection instead of lending it again.
   */
  static void discard(Connection connection) {
    try {
      connection.abort(Runnable::run);
    } catch (SQLException | RuntimeException ignored) {
      // Closing it next still ends a connection of its own; a pooled one is checked before reuse.
    }
  }
}

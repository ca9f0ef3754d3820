/**
 * The storage ports over JDBC: PostgreSQL in production, SQLite (a file in WAL mode, synced on
 * every commit) as the zero-configuration default; H2, the default of earlier versions, only to
 * import it. {@link dev.sportello.adapter.persistence.PersistenceAdapter} builds everything from
 * {@link dev.sportello.adapter.persistence.PersistenceSettings}; every other type is internal.
 *
 * <p>Concurrent writers are safe on every database without row locks: a request is written only
 * over the version it was read at (a stale write is a typed conflict), and unique constraints
 * settle idempotency keys and upstream ids. The sync cycle is claimed whole by one leader at a time
 * rather than request by request, because each engine's list call covers its whole account: on
 * PostgreSQL the leader holds a session-level advisory lock, so several instances may share one
 * database and documents directory. On SQLite the lock lives in the process, which is enough
 * because the adapter lets one process open the database file at a time (a lock file beside it):
 * SQLite serves a single instance, and several instances need PostgreSQL. The upstream credentials
 * are replaced under a lock per name of the same two kinds, waited for rather than tried.
 */
@NullMarked
package dev.sportello.adapter.persistence;

import org.jspecify.annotations.NullMarked;

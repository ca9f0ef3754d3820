/**
 * The storage ports over JDBC: PostgreSQL in production, H2 (file mode, PostgreSQL compatibility)
 * as the zero-configuration default. {@link dev.sportello.adapter.persistence.PersistenceAdapter}
 * builds everything from {@link dev.sportello.adapter.persistence.PersistenceSettings}; every other
 * type is internal.
 *
 * <p>Concurrent writers are safe on both engines without row locks: a request is written only over
 * the version it was read at (a stale write is a typed conflict), and unique constraints settle
 * idempotency keys and upstream ids. The sync cycle is claimed whole by one leader at a time rather
 * than request by request, because its list call covers the whole account: on PostgreSQL the leader
 * holds a session-level advisory lock, so several instances may share one database and documents
 * directory. On H2 the lock lives in the process, which is enough because H2 lets one process open
 * a database file at a time: H2 serves a single instance, and several instances need PostgreSQL.
 */
@NullMarked
package dev.sportello.adapter.persistence;

import org.jspecify.annotations.NullMarked;

/**
 * The storage ports over JDBC: PostgreSQL in production, H2 (file mode, PostgreSQL compatibility)
 * as the zero-configuration default. {@link dev.sportello.adapter.persistence.PersistenceAdapter}
 * builds everything from {@link dev.sportello.adapter.persistence.PersistenceSettings}; every other
 * type is internal.
 */
@NullMarked
package dev.sportello.adapter.persistence;

import org.jspecify.annotations.NullMarked;

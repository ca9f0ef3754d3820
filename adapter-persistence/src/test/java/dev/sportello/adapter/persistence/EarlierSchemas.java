package dev.sportello.adapter.persistence;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Schemas as earlier versions of the store left them: built version by version, as they were then.
 * An empty store otherwise gets the latest baseline script, whatever version it is asked for.
 */
final class EarlierSchemas {
  private EarlierSchemas() {}

  /** The migrations of the settings' database up to and including {@code version}, one by one. */
  static FluentConfiguration upTo(PersistenceSettings settings, String version) {
    return versionByVersion(settings).target(version);
  }

  /** Every migration of the settings' database, one by one, as a store that has a history gets. */
  static FluentConfiguration versionByVersion(PersistenceSettings settings) {
    return PersistenceAdapter.schema(
        Flyway.configure()
            .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
            // A prefix that no script has: the baseline scripts are not found.
            .configuration(Map.of("flyway.baselineMigrationPrefix", "NO_BASELINE_")),
        Dialect.of(settings.jdbcUrl()).get());
  }
}

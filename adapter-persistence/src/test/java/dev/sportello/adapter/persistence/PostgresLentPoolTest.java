package dev.sportello.adapter.persistence;

import static dev.sportello.adapter.persistence.Fixtures.accepted;
import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.domain.request.CertificateRequest;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an application that lends the store its own pool can count on, and what it is refused. */
class PostgresLentPoolTest {
  @TempDir Path directory;
  private final OpenAdapters pools = new OpenAdapters();

  @AfterEach
  void close() {
    pools.close();
  }

  @Test
  void theStoreMigratesBesideTheApplicationsOwnTablesAndKeepsItsOwnHistory() {
    HikariDataSource pool = lent(config -> {});
    Jdbi application = Jdbi.create(pool);
    application.useHandle(handle -> {
      handle.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");
      handle.execute("CREATE TABLE orders (id TEXT PRIMARY KEY)");
    });

    try (PersistenceAdapter adapter =
        right(PersistenceAdapter.create(PersistenceSettings.lent(pool, documents())))) {
      assertThat(right(adapter.migrate())).isEqualTo(10);
      CertificateRequest request = accepted("lent-1");
      right(adapter.requests().insert(request));

      assertThat(right(adapter.requests().find(request.id())).map(stored -> stored.value()))
          .contains(request);
      assertThat(right(adapter.migrate())).isZero();
    }
    int recorded =
        application.withHandle(handle ->
            handle
                .createQuery("SELECT count(*) FROM " + PersistenceAdapter.SHARED_HISTORY_TABLE)
                .mapTo(Integer.class)
                .one());
    assertThat(recorded).isPositive();
  }

  @Test
  void aTableOfTheApplicationsInTheStoresWayIsRefusedByNameAndNothingIsHalfMade() {
    HikariDataSource pool = lent(config -> {});
    Jdbi application = Jdbi.create(pool);
    application.useHandle(handle -> handle.execute("CREATE TABLE credentials (login TEXT)"));

    try (PersistenceAdapter adapter =
        right(PersistenceAdapter.create(PersistenceSettings.lent(pool, documents())))) {
      StorageFailure refused = left(adapter.migrate());

      assertThat(refused.message()).contains("\"credentials\"", "currentSchema");
    }
    boolean requestTableMade =
        application.withHandle(handle ->
            handle
                .createQuery("SELECT to_regclass('request') IS NOT NULL")
                .mapTo(Boolean.class)
                .one());
    assertThat(requestTableMade).isFalse();
  }

  @Test
  void aStoreTheServiceMadeOpensOnTheLentPoolWithItsRequests() {
    PersistenceSettings service = EmbeddedPostgresServer.newDatabase(directory);
    CertificateRequest request = accepted("made-by-the-service");
    try (PersistenceAdapter made = right(PersistenceAdapter.create(service))) {
      right(made.migrate());
      right(made.requests().insert(request));
    }

    try (PersistenceAdapter reopened =
        right(PersistenceAdapter.create(PersistenceSettings.lent(pool(service), documents())))) {
      assertThat(right(reopened.migrate())).isZero();
      assertThat(right(reopened.requests().find(request.id())).map(stored -> stored.value()))
          .contains(request);
    }
  }

  @Test
  void closingTheAdapterLeavesTheLentPoolOpen() {
    HikariDataSource pool = lent(config -> {});

    right(PersistenceAdapter.create(PersistenceSettings.lent(pool, documents()))).close();

    assertThat(pool.isClosed()).isFalse();
    int answered =
        Jdbi.create(pool)
            .withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    assertThat(answered).isEqualTo(1);
  }

  @Test
  void aPoolAtAnotherIsolationLevelIsRefusedWithWhatTheStoreReliesOn() {
    StorageFailure refused =
        left(
            PersistenceAdapter.create(
                PersistenceSettings.lent(
                    lent(config -> config.setTransactionIsolation("TRANSACTION_SERIALIZABLE")),
                    documents())));

    assertThat(refused.message()).contains("read committed");
  }

  @Test
  void aPoolWhoseConnectionsStartInATransactionIsRefused() {
    StorageFailure refused =
        left(
            PersistenceAdapter.create(
                PersistenceSettings.lent(
                    lent(config -> config.setAutoCommit(false)), documents())));

    assertThat(refused.message()).contains("auto-commit");
  }

  @Test
  void aSqlitePoolIsRefusedWithTheReason() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + directory.resolve("lent.db"));
    HikariDataSource sqlite = new HikariDataSource(config);
    pools.lent(sqlite);

    StorageFailure refused =
        left(PersistenceAdapter.create(PersistenceSettings.lent(sqlite, documents())));

    assertThat(refused.message()).contains("PersistenceSettings.embedded");
  }

  @Test
  void aLentPoolKeepsTheSyncLockToOneInstanceAndReleasesIt() {
    DataSource pool = lent(config -> {});
    try (PersistenceAdapter first =
            right(PersistenceAdapter.create(PersistenceSettings.lent(pool, documents())));
        PersistenceAdapter second =
            right(PersistenceAdapter.create(PersistenceSettings.lent(pool, documents())))) {
      String inside =
          right(
                  first
                      .syncLock()
                      .runExclusively(() ->
                          right(second.syncLock().runExclusively(() -> "second"))
                              .getOrElse("refused")))
              .get();

      assertThat(inside).isEqualTo("refused");
      assertThat(right(second.syncLock().runExclusively(() -> "second"))).contains("second");
    }
  }

  private Path documents() {
    return directory.resolve("documents");
  }

  private HikariDataSource lent(Consumer<HikariConfig> application) {
    return pool(EmbeddedPostgresServer.newDatabase(directory), application);
  }

  private HikariDataSource pool(PersistenceSettings database) {
    return pool(database, config -> {});
  }

  private HikariDataSource pool(PersistenceSettings database, Consumer<HikariConfig> application) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(4);
    application.accept(config);
    HikariDataSource pool = new HikariDataSource(config);
    pools.lent(pool);
    return pool;
  }
}

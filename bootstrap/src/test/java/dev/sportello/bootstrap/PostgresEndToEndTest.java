package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteCallKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main flows of both engines on a real PostgreSQL, and the sync lock that several instances
 * share there.
 */
class PostgresEndToEndTest {
  /** The advisory lock key the persistence adapter takes for a sync cycle ("SPORTELL"). */
  private static final long SYNC_LOCK = 0x53504f5254454c4cL;

  @TempDir static Path dataDir;
  @TempDir Path downloads;

  private static EmbeddedPostgres postgres;
  private static Harness app;

  @BeforeAll
  static void start() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .start();
    app =
        Harness.start(
            Harness.environment(
                dataDir,
                Map.of(
                    "SPORTELLO_JDBC_URL",
                    postgres.getJdbcUrl("postgres", "postgres"),
                    "SPORTELLO_JDBC_USER",
                    "postgres")));
  }

  @AfterAll
  static void stop() throws IOException {
    app.close();
    postgres.close();
  }

  @Test
  void aFamilyStatusCertificateGoesFromItsFormToAPdf() throws IOException {
    app.ok(app.get("/api/v1/certificates/" + Harness.FAMILY_STATUS));
    String id =
        app.ok(
                app.submit(
                    "pg-family-1",
                    Harness.FAMILY_STATUS,
                    Harness.familyStatus("1985-12-10"),
                    "opzione_0"))
            .path("id")
            .asString();

    app.syncUntil(id, "FULFILLED");

    assertThat(Harness.zipEntries(app.download(id, downloads)).values())
        .isNotEmpty()
        .allMatch(head -> head.startsWith("%PDF"));
  }

  @Test
  void aDocuEngineFamilyStatusCertificateGoesFromSubmissionToAPdfChargedOnce() throws IOException {
    String id =
        app.ok(
                app.submit(
                    "pg-docu-family-1", Harness.DOCU_FAMILY_STATUS, Harness.docuFamilyStatus()))
            .path("id")
            .asString();

    assertThat(app.syncUntil(id, "FULFILLED").path("engine").asString()).isEqualTo("docuengine");
    app.downloadsPdfs(id, downloads);
    assertThat(app.charges(id, app.sandbox()).calls()).isEqualTo(1);
  }

  @Test
  void aDocuEngineSearchGoesThroughTheChosenResultToAPdfChargingEachStepOnce() throws IOException {
    String id =
        app.ok(
                app.submit(
                    "pg-docu-balance-1",
                    Harness.BALANCE_SHEET,
                    Map.of("field0", Harness.COMPANY_TAX_CODE)))
            .path("id")
            .asString();

    app.chooseFirstCandidate(id);
    app.syncUntil(id, "FULFILLED");

    app.downloadsPdfs(id, downloads);
    assertThat(app.charges(id, app.sandbox()).calls()).isEqualTo(2);
    assertThat(app.charges(id, app.sandbox()).amount()).isEqualByComparingTo("4.50");
  }

  @Test
  void noSyncCycleRunsWhileAnotherInstanceHoldsTheLock() throws SQLException, InterruptedException {
    String id =
        app.ok(app.submit("pg-lock-1", Harness.RESIDENCE, Harness.residence()))
            .path("id")
            .asString();
    app.sandbox().advance(Harness.STEP.multipliedBy(3));

    try (Connection other = postgres.getPostgresDatabase().getConnection()) {
      // The service's own cycle may hold the lock for a moment; wait for it like another instance.
      Instant deadline = Instant.now().plusSeconds(10);
      while (!lock(other, "SELECT pg_try_advisory_lock(?)")) {
        assertThat(Instant.now()).isBefore(deadline);
        Thread.sleep(20);
      }
      long listsBefore = app.remoteCalls(RemoteCallKind.LIST);

      app.service.scheduler().syncOnce();

      assertThat(app.remoteCalls(RemoteCallKind.LIST)).isEqualTo(listsBefore);
      lock(other, "SELECT pg_advisory_unlock(?)");
    }
    assertThat(app.syncUntil(id, "FULFILLED").path("status").asString()).isEqualTo("FULFILLED");
  }

  private static boolean lock(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, SYNC_LOCK);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}

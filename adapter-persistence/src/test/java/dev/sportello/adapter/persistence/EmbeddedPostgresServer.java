package dev.sportello.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM, started from Maven artifacts on first use and stopped when the
 * JVM ends. Each caller gets a database of its own, so tests never see each other's rows.
 */
public final class EmbeddedPostgresServer {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EmbeddedPostgresServer() {}

  private static final class Holder {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        Path data = Files.createTempDirectory("sportello-postgres");
        EmbeddedPostgres server =
            EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // A throw-away server: durability buys nothing here and costs seconds.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server, data)));
        return server;
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
    }

    /**
     * Stops the server, and leaves its data directory to a process of its own: every test's
     * database has its files there, tens of thousands of them, and deleting them in the exiting JVM
     * held it past the 30 seconds Surefire waits for a fork to end.
     */
    private static void close(EmbeddedPostgres server, Path data) {
      try {
        server.close();
        new ProcessBuilder("rm", "-rf", data.toString())
            .redirectOutput(Redirect.DISCARD)
            .redirectError(Redirect.DISCARD)
            .start();
      } catch (IOException ignored) {
        // The JVM is ending; the directory stays in the temporary directory.
      }
    }
  }

  /** A new, empty database. */
  static String newDatabaseUrl() {
    return Holder.SERVER.getJdbcUrl("postgres", createDatabase());
  }

  /**
   * A new, empty database, as an application's pool would reach it.
   *
   * @return a data source of the server's superuser on that database
   */
  public static DataSource newDataSource() {
    return Holder.SERVER.getDatabase("postgres", createDatabase());
  }

  private static String createDatabase() {
    String name = "sportello_" + DATABASES.incrementAndGet();
    try (Connection connection = Holder.SERVER.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " STRATEGY = FILE_COPY");
    } catch (SQLException failure) {
      throw new IllegalStateException("cannot create a test database", failure);
    }
    return name;
  }

  /** Settings for a new, empty database with documents under the given directory. */
  static PersistenceSettings newDatabase(Path directory) {
    return PersistenceSettings.postgres(
        newDatabaseUrl(), "postgres", "", directory.resolve("documents"));
  }
}

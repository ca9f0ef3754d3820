package dev.sportello.spring.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM, started from Maven artifacts on first use and stopped when the
 * JVM ends: the application's {@code DataSource} in the tests.
 */
final class EmbeddedDatabase {
  private EmbeddedDatabase() {}

  private static final class Holder {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres server =
            EmbeddedPostgres.builder()
                // A throw-away server: durability buys nothing here and costs seconds.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server)));
        return server;
      } catch (IOException failure) {
        throw new UncheckedIOException(failure);
      }
    }

    private static void close(EmbeddedPostgres server) {
      try {
        server.close();
      } catch (IOException ignored) {
        // The JVM is ending; the data directory is temporary.
      }
    }
  }

  /** The server's {@code postgres} database, as an application's pool would reach it. */
  static DataSource dataSource() {
    return Holder.SERVER.getPostgresDatabase();
  }
}

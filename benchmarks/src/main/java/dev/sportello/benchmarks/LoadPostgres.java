package dev.sportello.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server for the load scripts, from the same Maven artifacts the tests use, with its
 * default durability settings (fsync and synchronous commit on: the embedded server's builder
 * starts PostgreSQL with fsync off and synchronous commit off unless told otherwise, and a commit
 * would then never wait for the disk). Prints the JDBC URL once it accepts connections and runs
 * until the process is stopped.
 *
 * <p>Arguments: the port, and a directory for the data (emptied first).
 */
public final class LoadPostgres {
  private LoadPostgres() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(args[0]);
    Path data = Files.createDirectories(Path.of(args[1]));
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(data)
            .setCleanDataDirectory(true)
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              try {
                postgres.close();
              } catch (IOException failure) {
                System.err.println("could not stop PostgreSQL: " + failure.getMessage());
              }
            }));
    System.out.println("ready " + postgres.getJdbcUrl("postgres", "postgres"));
    System.out.flush();
    Thread.currentThread().join();
  }
}

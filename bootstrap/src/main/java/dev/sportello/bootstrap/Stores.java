package dev.sportello.bootstrap;

import dev.sportello.adapter.persistence.PersistenceAdapter;
import dev.sportello.adapter.persistence.PersistenceSettings;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Opens the configured store and brings its schema up to date. */
final class Stores {
  private Stores() {}

  /**
   * The data dir, made absolute and created when missing: readable by its owner only, since it
   * holds personal data and keys. Its missing parents are created as any folder would be.
   */
  static Either<String, Path> dataDir(Config config) {
    Path dir = config.dataDir().toAbsolutePath().normalize();
    try {
      if (Files.isDirectory(dir)) {
        return Either.right(dir);
      }
      Path parent = dir.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Either.right(
          dir.getFileSystem().supportedFileAttributeViews().contains("posix")
              ? Files.createDirectory(
                  dir,
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rwx------")))
              : Files.createDirectory(dir));
    } catch (FileAlreadyExistsException raced) {
      return Files.isDirectory(dir)
          ? Either.right(dir)
          : Either.left("the data directory " + dir + " is a file");
    } catch (IOException | SecurityException failure) {
      return Either.left("cannot create the data directory " + dir);
    }
  }

  /**
   * Which database, for people: the SQLite file or the PostgreSQL URL (which holds no password).
   */
  static String describe(Config config) {
    return switch (config.database()) {
      case Config.Database.Embedded ignored ->
          "SQLite "
              + config
                  .dataDir()
                  .toAbsolutePath()
                  .normalize()
                  .resolve(PersistenceSettings.EMBEDDED_DATABASE_FILE);
      case Config.Database.Postgres postgres -> "PostgreSQL " + postgres.jdbcUrl();
    };
  }

  static PersistenceSettings settings(Config config, Path dataDir) {
    PersistenceSettings settings =
        switch (config.database()) {
          case Config.Database.Embedded embedded -> PersistenceSettings.embedded(dataDir);
          case Config.Database.Postgres postgres ->
              PersistenceSettings.postgres(
                  postgres.jdbcUrl(),
                  postgres.user(),
                  postgres.password(),
                  dataDir.resolve("documents"));
        };
    PersistenceSettings sized =
        settings.withPoolSize(config.poolSize()).withRetention(config.retention());
    return config
        .dataKey()
        .map(keys -> sized.withDataKey(new PersistenceSettings.DataKey.Given(keys)))
        .getOrElse(sized);
  }

  /**
   * The adapter, migrated; or why not, in one line. A data dir that still holds the H2 store of an
   * earlier version is not opened: {@code sportello migrate} imports it first, as a step of its own
   * that the operator sees and can back up before, rather than a copy that a start makes silently.
   */
  static Either<String, PersistenceAdapter> open(Config config, Path dataDir) {
    if (holdsH2Store(config, dataDir)) {
      return Either.left(
          "the data directory "
              + dataDir
              + " holds the H2 store of an earlier version ("
              + PersistenceSettings.H2_DATABASE_FILE
              + "); run `sportello migrate` once to copy it into the SQLite store");
    }
    return openMigrated(config, dataDir);
  }

  /**
   * Whether the configured store is the embedded one and the data dir holds an H2 store to import.
   */
  static boolean holdsH2Store(Config config, Path dataDir) {
    return settings(config, dataDir).holdsH2Store();
  }

  /** The adapter, migrated, whatever else the data dir holds. */
  static Either<String, PersistenceAdapter> openMigrated(Config config, Path dataDir) {
    Either<String, PersistenceAdapter> opened =
        PersistenceAdapter.create(settings(config, dataDir))
            .mapLeft(failure -> "cannot open the database: " + failure.message());
    if (opened.isLeft()) {
      return opened;
    }
    Either<String, Integer> migrated =
        opened
            .get()
            .migrate()
            .mapLeft(failure -> "cannot migrate the database: " + failure.message());
    if (migrated.isLeft()) {
      opened.get().close();
      return Either.left(migrated.getLeft());
    }
    return opened;
  }
}

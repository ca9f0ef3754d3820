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

  /** Which database, for people: the H2 file or the PostgreSQL URL (which holds no password). */
  static String describe(Config config) {
    return switch (config.database()) {
      case Config.Database.H2 ignored ->
          "H2 " + config.dataDir().toAbsolutePath().normalize().resolve("sportello.mv.db");
      case Config.Database.Postgres postgres -> "PostgreSQL " + postgres.jdbcUrl();
    };
  }

  static PersistenceSettings settings(Config config, Path dataDir) {
    PersistenceSettings settings =
        switch (config.database()) {
          case Config.Database.H2 h2 -> PersistenceSettings.embedded(dataDir);
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

  /** The adapter, migrated; or why not, in one line. */
  static Either<String, PersistenceAdapter> open(Config config, Path dataDir) {
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

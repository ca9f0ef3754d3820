package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the store.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL (production; several instances may share it) or a
 *     {@code jdbc:sqlite:} URL naming a database file (the embedded default; one instance only: the
 *     adapter holds a lock file beside it, and the sync lock is then a lock in that process)
 * @param user the database user
 * @param password the database password, possibly empty; never printed
 * @param maxPoolSize the most connections kept open, 1 to 200
 * @param documentsDirectory where issued documents are kept, one file per request; instances that
 *     share a PostgreSQL database must share this directory too
 * @param retention how long after a request ends its personal data (values, contact, documents) is
 *     kept; {@link PersistenceAdapter#purgeExpired()} erases what is older
 * @param dataKey the keys that seal personal data at rest; by default a key file generated beside
 *     the documents directory, which instances sharing that directory share too
 */
public record PersistenceSettings(
    String jdbcUrl,
    String user,
    String password,
    int maxPoolSize,
    Path documentsDirectory,
    Duration retention,
    DataKey dataKey) {

  /** Where the keys that seal personal data come from. */
  public sealed interface DataKey {
    /**
     * Adds a new primary key to these keys, and keeps the older ones so that what they sealed still
     * opens. Keys kept in a file are republished there, atomically and readable by its owner only,
     * and a running service takes them up and seals its data again; keys given as text come back as
     * the text to give instead. No key is ever dropped: backups taken before the rotation still
     * need the older keys. Needs no open store, so it runs beside a serving instance.
     *
     * @return the rotation, or why the keys cannot be read or kept
     */
    default Either<StorageFailure, Rotation> rotate() {
      Either<String, Rotation> rotated =
          switch (this) {
            case KeptIn kept ->
                DataKeys.rotate(kept.file())
                    .map(now -> new Rotation.Republished(kept.file(), now.keyCount()));
            case Given given ->
                DataKeys.fromJson(given.keys())
                    .map(DataKeys::rotated)
                    .map(now -> new Rotation.ToGive(now.toJson(), now.keyCount()));
          };
      return rotated.mapLeft(StorageFailure.Unavailable::new);
    }

    /** A rotation of the data keys. */
    sealed interface Rotation {
      /**
       * How many keys each keyset holds now, the new primary one included.
       *
       * @return the number of keys in each keyset
       */
      int keys();

      /**
       * The rotated keys were written to their file.
       *
       * @param file the key file
       * @param keys how many keys each keyset holds now
       */
      record Republished(Path file, int keys) implements Rotation {}

      /**
       * The rotated keys, to give as text in place of the old ones; secret.
       *
       * @param text the keys in the form a key file holds
       * @param keys how many keys each keyset holds now
       */
      record ToGive(String text, int keys) implements Rotation {
        @Override
        public String toString() {
          return "ToGive[text=(hidden), keys=" + keys + "]";
        }
      }
    }

    /**
     * Keys kept in a file, generated there (readable by its owner only) when it does not exist.
     *
     * @param file the key file
     */
    record KeptIn(Path file) implements DataKey {
      /** Checks that the file is named. */
      public KeptIn {
        Objects.requireNonNull(file, "file");
      }
    }

    /**
     * Keys given as text, such as {@code SPORTELLO_DATA_KEY}; never printed.
     *
     * @param keys the keys in the form a key file holds
     */
    record Given(String keys) implements DataKey {
      /** Checks that the keys are given. */
      public Given {
        Objects.requireNonNull(keys, "keys");
      }

      @Override
      public String toString() {
        return "Given[keys=(hidden)]";
      }
    }
  }

  /** The key file's name, beside the documents directory. */
  public static final String DATA_KEY_FILE = "data.key";

  /** The default pool size. */
  public static final int DEFAULT_POOL_SIZE = 10;

  /** The default retention of personal data after a request ends. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);

  /**
   * Checks that every component is given, that the pool holds 1 to 200 connections and that the
   * retention is positive.
   */
  public PersistenceSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(documentsDirectory, "documentsDirectory");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(dataKey, "dataKey");
    if (maxPoolSize < 1 || maxPoolSize > 200) {
      throw new IllegalArgumentException("the pool holds 1 to 200 connections");
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the retention period must be positive");
    }
  }

  /** The embedded store's database file, under the data directory. */
  public static final String EMBEDDED_DATABASE_FILE = "sportello.db";

  /**
   * The file of the H2 store that earlier versions kept under the data directory; {@link
   * PersistenceAdapter#importH2Store} copies it into the embedded store.
   */
  public static final String H2_DATABASE_FILE = "sportello.mv.db";

  /**
   * The zero-configuration default: a SQLite database file and a documents folder under a data
   * directory. A commit returns once it is in the write-ahead log and the log is synced to disk
   * ({@code synchronous=FULL}), so a killed process, or a machine that loses power, keeps every
   * request it confirmed. Writers take the write lock when their transaction begins (the adapter
   * begins them {@code IMMEDIATE}) and wait for it up to {@code busy_timeout} milliseconds, so
   * concurrent writers queue instead of failing when a reader would upgrade to a writer. The pool
   * keeps its usual size: in WAL mode readers never wait for the writer, so reads (listings, status
   * polls) use the other connections, and a writer's turn lasts one synced commit, a few
   * milliseconds, far inside the busy timeout even with every connection waiting to write. Deleted
   * and overwritten content is zeroed ({@code secure_delete}), so that erased personal data, or a
   * value before it was sealed, does not linger in free pages.
   *
   * @param dataDirectory the directory that holds the database file, the documents and the data key
   * @return settings for the embedded store in that directory
   */
  public static PersistenceSettings embedded(Path dataDirectory) {
    Path base = dataDirectory.toAbsolutePath().normalize();
    return new PersistenceSettings(
        "jdbc:sqlite:"
            + base.resolve(EMBEDDED_DATABASE_FILE)
            + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true"
            + "&secure_delete=true",
        "",
        "",
        DEFAULT_POOL_SIZE,
        base.resolve("documents"),
        DEFAULT_RETENTION,
        new DataKey.KeptIn(base.resolve(DATA_KEY_FILE)));
  }

  /**
   * Whether these settings name a SQLite file whose directory still holds the H2 store of an
   * earlier version, not imported yet: {@link PersistenceAdapter#importH2Store} copies it.
   *
   * @return whether an earlier version's H2 store waits there to be imported
   */
  public boolean holdsH2Store() {
    return sqliteFile()
        .flatMap(file -> Option.of(file.getParent()))
        .exists(directory -> Files.exists(directory.resolve(H2_DATABASE_FILE)));
  }

  /** The file a {@code jdbc:sqlite:} URL names, without its settings. */
  Option<Path> sqliteFile() {
    String scheme = "jdbc:sqlite:";
    if (!jdbcUrl.startsWith(scheme)) {
      return Option.none();
    }
    String path = jdbcUrl.substring(scheme.length());
    int settings = path.indexOf('?');
    return Option.some(Path.of(settings < 0 ? path : path.substring(0, settings)).toAbsolutePath());
  }

  /** The H2 store earlier versions kept under a data directory, as they opened it. */
  static PersistenceSettings embeddedH2(Path dataDirectory) {
    PersistenceSettings embedded = embedded(dataDirectory);
    Path base = dataDirectory.toAbsolutePath().normalize();
    return new PersistenceSettings(
        "jdbc:h2:file:"
            + base.resolve("sportello")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
        "sa",
        "",
        embedded.maxPoolSize(),
        embedded.documentsDirectory(),
        embedded.retention(),
        embedded.dataKey());
  }

  /**
   * A PostgreSQL database, with documents in a (shared) directory.
   *
   * @param jdbcUrl a {@code jdbc:postgresql:} URL
   * @param user the database user
   * @param password the database password; never printed
   * @param documentsDirectory the directory for documents, shared by every instance on this
   *     database
   * @return settings with the default pool size, retention and a key file beside the documents
   *     directory
   */
  public static PersistenceSettings postgres(
      String jdbcUrl, String user, String password, Path documentsDirectory) {
    return new PersistenceSettings(
        jdbcUrl,
        user,
        password,
        DEFAULT_POOL_SIZE,
        documentsDirectory,
        DEFAULT_RETENTION,
        new DataKey.KeptIn(
            documentsDirectory.toAbsolutePath().normalize().resolveSibling(DATA_KEY_FILE)));
  }

  /**
   * These settings with another pool size.
   *
   * @param size the most connections kept open, 1 to 200
   * @return the changed settings
   */
  public PersistenceSettings withPoolSize(int size) {
    return new PersistenceSettings(
        jdbcUrl, user, password, size, documentsDirectory, retention, dataKey);
  }

  /**
   * These settings with another retention period.
   *
   * @param period how long personal data is kept after a request ends
   * @return the changed settings
   */
  public PersistenceSettings withRetention(Duration period) {
    return new PersistenceSettings(
        jdbcUrl, user, password, maxPoolSize, documentsDirectory, period, dataKey);
  }

  /**
   * These settings with other data keys.
   *
   * @param keys the keys that seal personal data at rest
   * @return the changed settings
   */
  public PersistenceSettings withDataKey(DataKey keys) {
    return new PersistenceSettings(
        jdbcUrl, user, password, maxPoolSize, documentsDirectory, retention, keys);
  }

  /** Leaves the password and given keys out. */
  @Override
  public String toString() {
    return "PersistenceSettings[jdbcUrl="
        + jdbcUrl
        + ", user="
        + user
        + ", maxPoolSize="
        + maxPoolSize
        + ", documentsDirectory="
        + documentsDirectory
        + ", retention="
        + retention
        + ", dataKey="
        + dataKey
        + "]";
  }
}

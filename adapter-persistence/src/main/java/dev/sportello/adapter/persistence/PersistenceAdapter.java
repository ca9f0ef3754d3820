package dev.sportello.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.SyncLock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.mapstruct.factory.Mappers;

/**
 * The persistence adapter: builds every storage port over one connection pool, runs the schema
 * migrations, erases personal data past its retention, and closes the pool. The only entry point of
 * this module.
 *
 * <p>PostgreSQL is the production engine; several instances may share one database (and one
 * documents directory), and the sync cycle runs on one of them at a time under an advisory lock. H2
 * is the zero-configuration default for a single instance.
 */
public final class PersistenceAdapter implements AutoCloseable {
  private final PersistenceSettings settings;
  private final Engine engine;
  private final HikariDataSource pool;
  private final Database database;
  private final JdbcRequestRepository requests;
  private final JdbcIdempotencyStore idempotency;
  private final CatalogSnapshotStore catalogue;
  private final FileDocumentStore documents;
  private final SyncLock syncLock;
  private final Retention retention;
  private final Resealing resealing;
  private final Clock clock;

  private PersistenceAdapter(
      PersistenceSettings settings,
      Engine engine,
      LiveKeys keys,
      HikariDataSource pool,
      Clock clock) {
    this.settings = settings;
    this.engine = engine;
    this.pool = pool;
    this.clock = clock;
    this.database = new Database(Jdbi.create(pool), engine);
    JsonMapping json = Mappers.getMapper(JsonMapping.class);
    RequestRows rows = new RequestRows(json, keys);
    this.requests = new JdbcRequestRepository(database, rows);
    this.idempotency = new JdbcIdempotencyStore(database, keys, clock);
    this.catalogue = new CachingCatalogSnapshotStore(new JdbcCatalogSnapshotStore(database, json));
    this.documents = new FileDocumentStore(settings.documentsDirectory(), keys);
    this.syncLock =
        engine == Engine.POSTGRESQL
            ? new PostgresSyncLock(settings.jdbcUrl(), settings.user(), settings.password())
            : new InProcessSyncLock(settings.jdbcUrl());
    this.retention = new Retention(database, rows, documents, clock);
    this.resealing = new Resealing(database, rows, documents, keys);
  }

  /** Opens the pool on the system clock; see {@link #create(PersistenceSettings, Clock)}. */
  public static Either<StorageFailure, PersistenceAdapter> create(PersistenceSettings settings) {
    return create(settings, Clock.systemUTC());
  }

  /**
   * Opens the connection pool and the documents directory. The schema is not touched: call {@link
   * #migrate()} next.
   *
   * @param clock dates idempotency keys and erasures
   * @return the adapter, or why the database or the directory cannot be reached
   */
  public static Either<StorageFailure, PersistenceAdapter> create(
      PersistenceSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Option<Engine> engine = Engine.of(settings.jdbcUrl());
    if (engine.isEmpty()) {
      return Either.left(
          new StorageFailure.Unavailable(
              "unsupported JDBC URL: use jdbc:postgresql: or jdbc:h2: URLs"));
    }
    try {
      OwnerOnly.createDirectories(settings.documentsDirectory());
      if (engine.get() == Engine.H2) {
        // H2 creates its file as the process's umask says (often readable by all); it uses an
        // empty file it finds, so the file is made first, for its owner only.
        for (java.nio.file.Path file : h2File(settings.jdbcUrl())) {
          OwnerOnly.createIfMissing(file);
        }
      }
    } catch (java.io.IOException | RuntimeException failure) {
      return Either.left(
          new StorageFailure.Unavailable(
              "cannot create the documents directory " + settings.documentsDirectory()));
    }
    Either<String, LiveKeys> keys =
        switch (settings.dataKey()) {
          case PersistenceSettings.DataKey.KeptIn kept ->
              DataKeys.readOrCreate(kept.file()).map(read -> LiveKeys.keptIn(kept.file(), read));
          case PersistenceSettings.DataKey.Given given ->
              DataKeys.given(given.keys()).map(LiveKeys::fixed);
        };
    if (keys.isLeft()) {
      return Either.left(new StorageFailure.Unavailable(keys.getLeft()));
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("sportello-persistence");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
    try {
      return Either.right(
          new PersistenceAdapter(
              settings, engine.get(), keys.get(), new HikariDataSource(config), clock));
    } catch (RuntimeException failure) {
      return Either.left(Database.translate("connect to the database", failure));
    }
  }

  /** The file of an H2 database kept in a file, from its URL. */
  private static Option<java.nio.file.Path> h2File(String jdbcUrl) {
    String prefix = "jdbc:h2:file:";
    if (!jdbcUrl.startsWith(prefix)) {
      return Option.none();
    }
    String name = jdbcUrl.substring(prefix.length()).split(";", 2)[0];
    return Option.some(java.nio.file.Path.of(name + ".mv.db"));
  }

  /**
   * Brings the schema up to date: the common migrations plus this engine's own.
   *
   * @return how many migrations ran
   */
  public Either<StorageFailure, Integer> migrate() {
    try {
      Flyway flyway =
          Flyway.configure()
              .dataSource(pool)
              .locations(
                  "classpath:db/migration/common",
                  "classpath:db/migration/" + engine.migrationFolder())
              .placeholders(Map.of("binary_collation", engine.binaryCollation()))
              .cleanDisabled(true)
              .load();
      return Either.right(flyway.migrate().migrationsExecuted);
    } catch (RuntimeException failure) {
      return Either.left(Database.translate("migrate the schema", failure));
    }
  }

  public RequestRepository requests() {
    return requests;
  }

  public IdempotencyStore idempotency() {
    return idempotency;
  }

  public CatalogSnapshotStore catalogue() {
    return catalogue;
  }

  public DocumentStore documents() {
    return documents;
  }

  /**
   * One sync cycle at a time: an advisory lock on PostgreSQL (across instances), a lock in this
   * process on H2 (one instance only).
   */
  public SyncLock syncLock() {
    return syncLock;
  }

  /**
   * Erases the personal data of requests that ended (fulfilled, rejected or cancelled) before the
   * cut-off, and idempotency keys older than it; the requests stay as audit rows. Safe to run while
   * the service works, and from several instances.
   */
  public Either<StorageFailure, PurgeReport> purgePersonalData(Instant olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    return retention
        .purge(olderThan)
        .map(purged ->
            new PurgeReport(purged.requests(), purged.documents(), purged.idempotencyKeys()));
  }

  /** {@link #purgePersonalData} with the cut-off the settings' retention period sets. */
  public Either<StorageFailure, PurgeReport> purgeExpired() {
    return purgePersonalData(clock.instant().minus(settings.retention()));
  }

  /**
   * Adds a new primary key to the data keys, and keeps the older ones so that what they sealed
   * still opens. Keys kept in a file are republished there, atomically and readable by its owner
   * only, and a running service takes them up and seals its data again ({@link #resealStep()});
   * keys given as text come back as the text to give instead. No key is ever dropped: backups taken
   * before the rotation still need the older keys.
   *
   * @return the rotation, or why the keys cannot be read or kept
   */
  public static Either<StorageFailure, DataKeyRotation> rotateDataKey(
      PersistenceSettings.DataKey keys) {
    Objects.requireNonNull(keys, "keys");
    Either<String, DataKeyRotation> rotated =
        switch (keys) {
          case PersistenceSettings.DataKey.KeptIn kept ->
              DataKeys.rotate(kept.file())
                  .map(now -> new DataKeyRotation.Republished(kept.file(), now.keyCount()));
          case PersistenceSettings.DataKey.Given given ->
              DataKeys.fromJson(given.keys())
                  .map(DataKeys::rotated)
                  .map(now -> new DataKeyRotation.ToGive(now.toJson(), now.keyCount()));
        };
    return rotated.mapLeft(StorageFailure.Unavailable::new);
  }

  /** A rotation of the data keys. */
  public sealed interface DataKeyRotation {
    /** How many keys each keyset holds now, the new primary one included. */
    int keys();

    /**
     * The rotated keys were written to their file.
     *
     * @param file the key file
     * @param keys how many keys each keyset holds now
     */
    record Republished(java.nio.file.Path file, int keys) implements DataKeyRotation {}

    /**
     * The rotated keys, to give as text in place of the old ones; secret.
     *
     * @param text the keys in the form a key file holds
     * @param keys how many keys each keyset holds now
     */
    record ToGive(String text, int keys) implements DataKeyRotation {
      @Override
      public String toString() {
        return "ToGive[text=(hidden), keys=" + keys + "]";
      }
    }
  }

  /**
   * One step of sealing stored data again with the current data keys: takes up a key file that was
   * replaced (by a rotation), then seals again a bounded batch of requests (and their documents)
   * that an older key sealed, or that were stored before sealing. A pass over every request starts
   * when the adapter opens and whenever the key file is replaced; between passes a step only looks
   * at the key file. Safe while the service serves: a request written meanwhile keeps its write.
   */
  public Either<StorageFailure, ResealReport> resealStep() {
    return resealing
        .step()
        .map(step -> new ResealReport(step.requests(), step.documents(), step.finished()));
  }

  /**
   * What one step of {@link #resealStep()} did.
   *
   * @param requests requests sealed again
   * @param documents documents sealed again
   * @param finished whether every stored request is now sealed with the current keys (as far as
   *     this instance wrote them: no pass is under way)
   */
  public record ResealReport(int requests, int documents, boolean finished) {}

  /** Whether the database answers, and what it is. */
  public Either<StorageFailure, Health> health() {
    try (Connection connection = pool.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      if (!connection.isValid(5)) {
        return Either.left(new StorageFailure.Unavailable("the database does not answer"));
      }
      return Either.right(
          new Health(
              engine.name(),
              meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()));
    } catch (java.sql.SQLException | RuntimeException failure) {
      return Either.left(Database.translate("check the database", failure));
    }
  }

  /** Closes the connection pool. */
  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "PersistenceAdapter[" + settings + "]";
  }

  /**
   * What a purge erased.
   *
   * @param requests requests whose personal data was erased
   * @param documents document files deleted
   * @param idempotencyKeys idempotency keys deleted
   */
  public record PurgeReport(int requests, int documents, int idempotencyKeys) {}

  /**
   * The database as it answered.
   *
   * @param engine {@code POSTGRESQL} or {@code H2}
   * @param product the product name and version the driver reports
   */
  public record Health(String engine, String product) {}
}

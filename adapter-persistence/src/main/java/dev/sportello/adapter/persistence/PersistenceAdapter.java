package dev.sportello.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.SyncLock;
import dev.sportello.application.port.out.WebhookStore;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.mapstruct.factory.Mappers;

/**
 * The persistence adapter: builds every storage port over one connection pool, runs the schema
 * migrations, erases personal data past its retention, and closes the pool. The only entry point of
 * this module.
 *
 * <p>PostgreSQL is the production store; several instances may share one database (and one
 * documents directory), and the sync cycle runs on one of them at a time under an advisory lock.
 * SQLite is the zero-configuration default for a single instance. H2, the embedded store of earlier
 * versions, is opened only to import it ({@link #importH2Store}).
 */
public final class PersistenceAdapter implements AutoCloseable {
  /**
   * The name an imported H2 file is given; H2 can still open it, as {@code sportello-h2-imported}.
   */
  private static final String IMPORTED_H2_FILE = "sportello-h2-imported.mv.db";

  /**
   * How many requests the API's reads may be answered from memory for, and for how long after they
   * were read: a page of the longest listing, and clients polling their requests.
   */
  private static final int RECENT_REQUESTS = 512;

  private static final Duration RECENT_FOR = Duration.ofSeconds(10);

  private final PersistenceSettings settings;
  private final Dialect dialect;
  private final HikariDataSource pool;
  private final Database database;
  private final RequestRows rows;
  private final RecentRequests recent;
  private final ScheduledExecutorService sweeper;
  private final JdbcRequestRepository requests;
  private final JdbcIdempotencyStore idempotency;
  private final JdbcSpendingLedger spending;
  private final CatalogSnapshotStore catalogue;
  private final FileDocumentStore documents;
  private final JdbcCredentialStore credentials;
  private final JdbcWebhookStore webhooks;
  private final SyncLock syncLock;
  private final Retention retention;
  private final Resealing resealing;
  private final Option<SingleProcess> owner;
  private final Clock clock;

  private PersistenceAdapter(
      PersistenceSettings settings,
      Dialect dialect,
      LiveKeys keys,
      HikariDataSource pool,
      Option<SingleProcess> owner,
      Clock clock) {
    this.settings = settings;
    this.dialect = dialect;
    this.pool = pool;
    this.owner = owner;
    this.clock = clock;
    Jdbi jdbi = Jdbi.create(pool);
    if (dialect == Dialect.SQLITE) {
      jdbi.setStatementBuilderFactory(
          new ReusedStatements(sql -> sql.startsWith(JdbcRequestRepository.SELECT)));
    }
    this.database = new Database(jdbi, dialect);
    JsonMapping json = Mappers.getMapper(JsonMapping.class);
    this.rows = new RequestRows(json, keys);
    this.recent = new RecentRequests(rows, RECENT_REQUESTS, RECENT_FOR, clock);
    // Sweeps even while no read comes in, twice per age, so that nothing is kept in clear for
    // longer than one and a half times its age.
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sportello-recent-requests").factory());
    long sweepEvery = RECENT_FOR.toMillis() / 2;
    var unused =
        sweeper.scheduleWithFixedDelay(
            recent::sweep, sweepEvery, sweepEvery, TimeUnit.MILLISECONDS);
    this.requests = new JdbcRequestRepository(database, rows, recent);
    this.idempotency = new JdbcIdempotencyStore(database, keys, clock);
    this.spending = new JdbcSpendingLedger(database);
    this.catalogue = new CachingCatalogSnapshotStore(new JdbcCatalogSnapshotStore(database, json));
    this.documents = new FileDocumentStore(settings.documentsDirectory(), keys);
    this.credentials =
        new JdbcCredentialStore(database, keys, credentialLocks(settings, dialect, owner), clock);
    this.webhooks = new JdbcWebhookStore(database, dialect, keys);
    this.syncLock =
        owner
            .<SyncLock>map(InProcessSyncLock::new)
            .getOrElse(() ->
                new PostgresSyncLock(settings.jdbcUrl(), settings.user(), settings.password()));
    this.retention = new Retention(database, rows, documents, recent, clock);
    this.resealing = new Resealing(database, rows, documents, credentials, webhooks, keys);
  }

  /**
   * Advisory locks on PostgreSQL (across instances); locks in this process on a store that one
   * process opens, named by its lock file or, for an H2 store, by its URL.
   */
  private static CredentialLocks credentialLocks(
      PersistenceSettings settings, Dialect dialect, Option<SingleProcess> owner) {
    return switch (dialect) {
      case POSTGRESQL ->
          new PostgresCredentialLocks(
              settings.jdbcUrl(),
              settings.user(),
              settings.password(),
              PostgresCredentialLocks.PATIENCE);
      case SQLITE, H2 ->
          new InProcessCredentialLocks(
              owner.map(store -> store.file().toString()).getOrElse(settings.jdbcUrl()));
    };
  }

  /**
   * Opens the pool on the system clock; see {@link #create(PersistenceSettings, Clock)}.
   *
   * @param settings where the database and the documents are
   * @return the adapter, or why the database or the directory cannot be reached
   */
  public static Either<StorageFailure, PersistenceAdapter> create(PersistenceSettings settings) {
    return create(settings, Clock.systemUTC());
  }

  /**
   * Opens the connection pool and the documents directory. The schema is not touched: call {@link
   * #migrate()} next.
   *
   * @param settings where the database and the documents are
   * @param clock dates idempotency keys and erasures
   * @return the adapter, or why the database or the directory cannot be reached
   */
  public static Either<StorageFailure, PersistenceAdapter> create(
      PersistenceSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Option<Dialect> dialect = Dialect.of(settings.jdbcUrl());
    if (dialect.isEmpty()) {
      return Either.left(
          new StorageFailure.Unavailable(
              "unsupported JDBC URL: use jdbc:postgresql: or jdbc:sqlite: URLs"));
    }
    if (dialect.get() == Dialect.H2) {
      return Either.left(
          new StorageFailure.Unavailable(
              "an H2 store is not opened, only imported into the SQLite store (sportello migrate)"));
    }
    return open(settings, dialect.get(), clock);
  }

  /**
   * The H2 store of an earlier version under a data directory, opened as that version opened it,
   * and without the embedded store's lock: only to write one that an import then reads.
   */
  static Either<StorageFailure, PersistenceAdapter> earlierH2Store(
      Path dataDirectory, Clock clock) {
    return open(PersistenceSettings.embeddedH2(dataDirectory), Dialect.H2, clock);
  }

  private static Either<StorageFailure, PersistenceAdapter> open(
      PersistenceSettings settings, Dialect dialect, Clock clock) {
    try {
      OwnerOnly.createDirectories(settings.documentsDirectory());
    } catch (IOException | RuntimeException failure) {
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
    Either<StorageFailure, Option<SingleProcess>> owner =
        dialect == Dialect.SQLITE
            ? ownFile(settings.sqliteFile().get()).map(Option::some)
            : Either.right(Option.none());
    if (owner.isLeft()) {
      return Either.left(owner.getLeft());
    }
    try {
      return Either.right(
          new PersistenceAdapter(
              settings, dialect, keys.get(), pool(settings), owner.get(), clock));
    } catch (RuntimeException failure) {
      owner.get().forEach(SingleProcess::close);
      return Either.left(Database.translate("connect to the database", failure));
    }
  }

  /**
   * The connection pool the settings describe; every connection has the URL's settings. A server's
   * connections are read committed from the start, for {@link Database#inTransaction}: setting the
   * level per transaction costs PostgreSQL's driver three round trips each time (it asks for the
   * level, sets it, and sets it back).
   */
  static HikariDataSource pool(PersistenceSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("sportello-persistence");
    config.setJdbcUrl(settings.jdbcUrl());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
    if (!Dialect.of(settings.jdbcUrl()).contains(Dialect.SQLITE)) {
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    }
    return new HikariDataSource(config);
  }

  /**
   * Claims the database file for this process and creates it readable by its owner only before
   * SQLite opens it, or narrows it to its owner; SQLite gives its write-ahead log and shared-memory
   * files the database file's permissions.
   */
  private static Either<StorageFailure, SingleProcess> ownFile(Path databaseFile) {
    Path name = databaseFile.getFileName();
    Path directory = databaseFile.getParent();
    if (name == null || directory == null) {
      return Either.left(new StorageFailure.Unavailable("a SQLite URL must name a file"));
    }
    try {
      OwnerOnly.createDirectories(directory);
    } catch (IOException | RuntimeException failure) {
      return Either.left(
          new StorageFailure.Unavailable("cannot create the directory " + directory));
    }
    return SingleProcess.claim(directory.resolve(name + ".lock"))
        .flatMap(owner -> {
          try {
            OwnerOnly.createFileIfMissing(databaseFile);
            // Files an earlier version left readable by others; SQLite keeps their permissions.
            OwnerOnly.narrowIfPresent(directory.resolve(name + "-wal"));
            OwnerOnly.narrowIfPresent(directory.resolve(name + "-shm"));
            return Either.right(owner);
          } catch (IOException | RuntimeException failure) {
            owner.close();
            return Either.left(
                new StorageFailure.Unavailable("cannot create the database file " + databaseFile));
          }
        });
  }

  /**
   * Copies the data directory's H2 store into this store, which must be the embedded (SQLite) store
   * and empty: every row of every table in one transaction, with the counts checked before it
   * commits. The H2 file is then renamed aside, never deleted. Documents and the data key stay
   * where they are, in the same data directory. The store records the import in the transaction
   * that copies the rows, so an import that stopped before the rename only renames when run again.
   *
   * @param dataDirectory the data directory that holds the H2 file
   * @return the rows copied per table, and where the H2 file now is
   */
  public Either<StorageFailure, ImportReport> importH2Store(Path dataDirectory) {
    if (dialect != Dialect.SQLITE) {
      return Either.left(
          new StorageFailure.Unavailable("an H2 store is imported into the embedded store only"));
    }
    Path h2File = dataDirectory.resolve(PersistenceSettings.H2_DATABASE_FILE);
    if (!Files.exists(h2File)) {
      return Either.left(new StorageFailure.Unavailable("no H2 store in " + dataDirectory));
    }
    PersistenceSettings h2 = PersistenceSettings.embeddedH2(dataDirectory);
    return H2Import.committed(database)
        .flatMap(earlier ->
            earlier.isDefined()
                ? Either.right(earlier.get())
                // The H2 store first gets the migrations it lacks, so that it has every column this
                // store has.
                : migrate(
                        Flyway.configure().dataSource(h2.jdbcUrl(), h2.user(), h2.password()),
                        Dialect.H2)
                    .flatMap(ignored -> H2Import.copy(database, h2, rows)))
        // What the copy wrote goes from the log into the database file, and the log is emptied.
        .flatMap(rows ->
            database
                .withHandle(
                    "checkpoint the imported rows",
                    handle -> Either.right(handle.execute("PRAGMA wal_checkpoint(TRUNCATE)")))
                .map(ignored -> rows))
        .flatMap(rows -> {
          Path aside = h2File.resolveSibling(IMPORTED_H2_FILE);
          try {
            Files.move(h2File, aside);
            // It holds what the earlier version kept in clear text, until the operator deletes it.
            OwnerOnly.narrowIfPresent(aside);
            return Either.right(new ImportReport(rows, aside));
          } catch (IOException failure) {
            return Either.left(
                new StorageFailure.Unavailable(
                    "the H2 store was imported, but cannot be renamed to "
                        + aside
                        + "; move it aside before starting"));
          }
        });
  }

  /**
   * Brings the schema up to date: the common migrations plus this database's own.
   *
   * @return how many migrations ran
   */
  public Either<StorageFailure, Integer> migrate() {
    return migrate(Flyway.configure().dataSource(pool), dialect);
  }

  private static Either<StorageFailure, Integer> migrate(
      FluentConfiguration configuration, Dialect dialect) {
    try {
      return Either.right(schema(configuration, dialect).load().migrate().migrationsExecuted);
    } catch (RuntimeException failure) {
      return Either.left(Database.translate("migrate the schema", failure));
    }
  }

  /** The migrations of a database in this dialect: the common ones plus its own. */
  static FluentConfiguration schema(FluentConfiguration configuration, Dialect dialect) {
    return configuration
        .locations(
            "classpath:db/migration/common", "classpath:db/migration/" + dialect.migrationFolder())
        .placeholders(Map.of("binary_collation", dialect.binaryCollation()))
        .cleanDisabled(true);
  }

  /**
   * The requests, with their personal values sealed.
   *
   * @return the request repository
   */
  public RequestRepository requests() {
    return requests;
  }

  /**
   * The idempotency keys, each with the request it created.
   *
   * @return the idempotency store
   */
  public IdempotencyStore idempotency() {
    return idempotency;
  }

  /**
   * What each caller's orders reserved of its spending caps; instances sharing a PostgreSQL
   * database check and reserve a caller's orders one at a time.
   *
   * @return the spending ledger
   */
  public SpendingLedger spending() {
    return spending;
  }

  /**
   * The latest catalogue each engine listed.
   *
   * @return the catalogue snapshot store
   */
  public CatalogSnapshotStore catalogue() {
    return catalogue;
  }

  /**
   * The issued documents, one sealed file per request.
   *
   * @return the document store
   */
  public DocumentStore documents() {
    return documents;
  }

  /**
   * The credentials the service calls its upstream with, sealed like personal data; one instance at
   * a time replaces a credential, under its name's lock: an advisory lock on PostgreSQL (across
   * instances), a lock in this process on the embedded store (one instance only).
   *
   * @return the credential store
   */
  public CredentialStore credentials() {
    return credentials;
  }

  /**
   * Callers' webhook endpoints (their secrets sealed like personal data) and the deliveries that
   * {@link #requests()} queues in each write's transaction.
   *
   * @return the webhook store
   */
  public WebhookStore webhooks() {
    return webhooks;
  }

  /**
   * One sync cycle at a time: an advisory lock on PostgreSQL (across instances), a lock in this
   * process on the embedded store (one instance only).
   *
   * @return the sync lock
   */
  public SyncLock syncLock() {
    return syncLock;
  }

  /**
   * Erases the personal data of requests that ended (fulfilled, rejected or cancelled) before the
   * cut-off, idempotency keys older than it, and webhook deliveries created before it that are no
   * longer pending; the requests stay as audit rows. Safe to run while the service works, and from
   * several instances.
   *
   * @param olderThan the cut-off: what ended before it is erased
   * @return how many requests, documents, keys and deliveries were erased, or why the store failed
   */
  public Either<StorageFailure, PurgeReport> purgePersonalData(Instant olderThan) {
    Objects.requireNonNull(olderThan, "olderThan");
    return retention
        .purge(olderThan)
        .flatMap(purged ->
            webhooks
                .purgeDeliveries(olderThan)
                .map(deliveries ->
                    new PurgeReport(
                        purged.requests(),
                        purged.documents(),
                        purged.idempotencyKeys(),
                        deliveries)));
  }

  /**
   * {@link #purgePersonalData} with the cut-off the settings' retention period sets.
   *
   * @return how much was erased, or why the store failed
   */
  public Either<StorageFailure, PurgeReport> purgeExpired() {
    return purgePersonalData(clock.instant().minus(settings.retention()));
  }

  /**
   * One step of sealing stored data again with the current data keys: takes up a key file that was
   * replaced (by a rotation), then seals again a bounded batch of requests (and their documents)
   * that an older key sealed, or that were stored before sealing. A pass over every request starts
   * when the adapter opens and whenever the key file is replaced; between passes a step only looks
   * at the key file. Safe while the service serves: a request written meanwhile keeps its write.
   *
   * @return what this step sealed again and whether the pass is finished, or why the store failed
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

  /**
   * Whether the database answers, and what it is.
   *
   * @return the database product and version, or why the database does not answer
   */
  public Either<StorageFailure, Health> health() {
    try (Connection connection = pool.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      if (!connection.isValid(5)) {
        return Either.left(new StorageFailure.Unavailable("the database does not answer"));
      }
      return Either.right(
          new Health(
              dialect.name(),
              meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()));
    } catch (java.sql.SQLException | RuntimeException failure) {
      return Either.left(Database.translate("check the database", failure));
    }
  }

  /** Closes the connection pool, and lets another process open the embedded store. */
  @Override
  public void close() {
    sweeper.shutdownNow();
    pool.close();
    owner.forEach(SingleProcess::close);
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
   * @param webhookDeliveries webhook deliveries deleted
   */
  public record PurgeReport(
      int requests, int documents, int idempotencyKeys, int webhookDeliveries) {}

  /**
   * The database as it answered.
   *
   * @param engine {@code POSTGRESQL} or {@code SQLITE}
   * @param product the product name and version the driver reports
   */
  public record Health(String engine, String product) {}

  /**
   * What an import of an H2 store copied.
   *
   * @param rows the rows copied per table, in the schema's order
   * @param setAside where the H2 file was moved
   */
  public record ImportReport(io.vavr.collection.Map<String, Integer> rows, Path setAside) {}
}

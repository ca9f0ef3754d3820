package dev.sportello.adapter.persistence;

import static dev.sportello.adapter.persistence.Fixtures.T0;
import static dev.sportello.adapter.persistence.Fixtures.accepted;
import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.IdempotencyStore.Claim;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.StoredCredential;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapstruct.factory.Mappers;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the embedded (SQLite) store promises beyond the contracts every database passes. */
class SqliteStoreTest {
  @TempDir Path dataDir;

  private final OpenAdapters adapters = new OpenAdapters();

  @AfterEach
  void close() {
    adapters.close();
  }

  @Test
  void theDatabaseItsLogAndItsLockAreReadableByTheirOwnerOnly() throws IOException {
    PersistenceAdapter store = adapters.opened(PersistenceSettings.embedded(dataDir));
    right(store.requests().insert(accepted("owned")));

    for (String file :
        java.util.List.of(
            "sportello.db", "sportello.db-wal", "sportello.db-shm", "sportello.db.lock")) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aDatabaseFileThatOthersCouldReadIsNarrowedToItsOwnerWithItsLog() throws IOException {
    for (String file : java.util.List.of("sportello.db", "sportello.db-wal", "sportello.db-shm")) {
      Files.createFile(
          dataDir.resolve(file),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    }

    PersistenceAdapter store = adapters.opened(PersistenceSettings.embedded(dataDir));
    right(store.requests().insert(accepted("narrowed")));

    for (String file : java.util.List.of("sportello.db", "sportello.db-wal", "sportello.db-shm")) {
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))))
          .as(file)
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aStoreOpenedThroughASymbolicLinkSharesItsProcessLockAndItsSyncLock() throws Exception {
    Path real = Files.createDirectory(dataDir.resolve("real"));
    Path link = Files.createSymbolicLink(dataDir.resolve("link"), real);
    PersistenceAdapter direct = adapters.opened(PersistenceSettings.embedded(real));
    PersistenceAdapter linked = adapters.opened(PersistenceSettings.embedded(link));

    Option<Option<String>> inner =
        right(
            direct
                .syncLock()
                .runExclusively(() ->
                    CompletableFuture.supplyAsync(
                            () -> right(linked.syncLock().runExclusively(() -> "second")))
                        .join()));

    assertThat(inner).isEqualTo(Option.some(Option.none()));
  }

  @Test
  void aLockFileThisProcessAlreadyLocksOutsideTheStoreIsAClearFailure() throws Exception {
    Path lockFile = dataDir.resolve("sportello.db.lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      StorageFailure refused =
          left(PersistenceAdapter.create(PersistenceSettings.embedded(dataDir)));

      assertThat(refused.message()).contains("this process already locks");
      assertThat(held.isValid()).isTrue();
    }
    assertThat(adapters.opened(PersistenceSettings.embedded(dataDir)).health().isRight()).isTrue();
  }

  @Test
  void everyPooledConnectionSyncsEachCommitWaitsForTheWriteLockChecksForeignKeysAndZeroesDeletions()
      throws Exception {
    PersistenceSettings embedded = PersistenceSettings.embedded(dataDir);
    java.util.List<Connection> held = new java.util.ArrayList<>();
    try (HikariDataSource pool = PersistenceAdapter.pool(embedded)) {
      for (int i = 0; i < embedded.maxPoolSize(); i++) {
        held.add(pool.getConnection());
      }
      for (Connection connection : held) {
        assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(connection, "synchronous")).as("FULL").isEqualTo("2");
        assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(connection, "busy_timeout")).isEqualTo("10000");
        assertThat(pragma(connection, "secure_delete")).isEqualTo("1");
      }
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertThat(held).hasSize(PersistenceSettings.DEFAULT_POOL_SIZE);
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aWriteLockHeldPastTheBusyTimeoutLeavesTheStoreUnavailableForThatWrite() throws Exception {
    PersistenceSettings embedded = PersistenceSettings.embedded(dataDir);
    PersistenceSettings impatient =
        new PersistenceSettings(
            embedded.jdbcUrl().replace("busy_timeout=10000", "busy_timeout=50"),
            "",
            "",
            2,
            embedded.documentsDirectory(),
            embedded.retention(),
            embedded.dataKey());
    PersistenceAdapter store = adapters.opened(impatient);

    try (Connection other = DriverManager.getConnection(impatient.jdbcUrl())) {
      other.createStatement().execute("BEGIN IMMEDIATE");
      StorageFailure failure = left(store.requests().insert(accepted("waits")));

      assertThat(failure).isInstanceOf(StorageFailure.Unavailable.class);
      assertThat(failure.message()).contains("SQLITE_BUSY");
      other.createStatement().execute("ROLLBACK");
    }
    assertThat(right(store.requests().insert(accepted("waits"))).version()).isZero();
  }

  @Test
  void aTransactionTakesTheWriteLockOnceAndNoLockAfterItCommits() throws Exception {
    String url = PersistenceSettings.embedded(dataDir).jdbcUrl();
    try (Connection connection = DriverManager.getConnection(url)) {
      connection.createStatement().execute("CREATE TABLE written (x)");
      AtomicInteger writeTransactions = new AtomicInteger();
      connection
          .unwrap(SQLiteConnection.class)
          .addCommitListener(
              new SQLiteCommitListener() {
                @Override
                public void onCommit() {
                  writeTransactions.incrementAndGet();
                }

                @Override
                public void onRollback() {}
              });
      Database database = new Database(Jdbi.create(new Kept(connection)), Dialect.SQLITE);

      right(
          database.inTransaction(
              "write", handle -> Either.right(handle.execute("INSERT INTO written VALUES (1)"))));

      // Each write transaction that ends commits once: a second one would be a write lock taken
      // after the durable commit, and its busy timeout would report the committed write as failed.
      assertThat(writeTransactions).hasValue(1);
    }
  }

  /** Hands Jdbi one connection and leaves it open. */
  private record Kept(Connection connection) implements ConnectionFactory {
    @Override
    public Connection openConnection() {
      return connection;
    }

    @Override
    public void closeConnection(Connection toClose) {}
  }

  @Test
  void anEmptyStoreGetsFromItsBaselineScriptTheSchemaThatTheVersionsBuildOneByOne(
      @TempDir Path other) throws SQLException {
    PersistenceSettings fromEmpty = PersistenceSettings.embedded(dataDir);
    adapters.opened(fromEmpty);
    PersistenceSettings oneByOne = PersistenceSettings.embedded(other);
    EarlierSchemas.versionByVersion(oneByOne).load().migrate();

    assertThat(history(fromEmpty)).containsExactly("9 SQL_BASELINE", "10 SQL");
    assertThat(schema(fromEmpty)).isEqualTo(schema(oneByOne)).hasSize(32);
  }

  @Test
  void aStoreWithAHistoryIsMigratedVersionByVersionToTheBaselinesSchema(@TempDir Path other)
      throws SQLException {
    PersistenceSettings atV5 = PersistenceSettings.embedded(dataDir);
    EarlierSchemas.upTo(atV5, "5").load().migrate();
    PersistenceSettings fromEmpty = PersistenceSettings.embedded(other);
    adapters.opened(fromEmpty);

    try (PersistenceAdapter migrated = PersistenceAdapter.create(atV5).get()) {
      assertThat(right(migrated.migrate())).isEqualTo(5);
    }

    assertThat(history(atV5))
        .containsExactly(
            "1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "9 SQL",
            "10 SQL");
    assertThat(schema(atV5)).isEqualTo(schema(fromEmpty));
  }

  @Test
  void aStoreThatGotEveryVersionOneByOneHasNothingLeftToMigrate() {
    PersistenceSettings atV9 = PersistenceSettings.embedded(dataDir);
    EarlierSchemas.versionByVersion(atV9).load().migrate();

    try (PersistenceAdapter store = PersistenceAdapter.create(atV9).get()) {
      assertThat(right(store.migrate())).isZero();
    }
  }

  /** Every table and index but Flyway's, with the SQL that SQLite keeps of it, by name. */
  private static List<String> schema(PersistenceSettings settings) throws SQLException {
    return strings(
        settings,
        "SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '')"
            + " FROM sqlite_master WHERE tbl_name NOT LIKE 'flyway%' ORDER BY name");
  }

  /** The versions and kinds of the migrations the store's history holds, in the order applied. */
  private static List<String> history(PersistenceSettings settings) throws SQLException {
    return strings(
        settings,
        "SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank");
  }

  private static List<String> strings(PersistenceSettings settings, String query)
      throws SQLException {
    try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      java.util.List<String> read = new java.util.ArrayList<>();
      while (rows.next()) {
        read.add(rows.getString(1));
      }
      return List.ofAll(read);
    }
  }

  @Test
  void anH2StoreIsNeverOpenedAsTheStore() {
    StorageFailure refused =
        left(PersistenceAdapter.create(PersistenceSettings.embeddedH2(dataDir)));

    assertThat(refused.message()).contains("only imported");
    assertThat(dataDir.resolve(PersistenceSettings.H2_DATABASE_FILE)).doesNotExist();
  }

  @Test
  void anH2DataDirectoryIsImportedWithEveryRowAndItsSealedValuesStillOpen() throws IOException {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    PersistenceAdapter h2 = adapters.openedEarlierH2Store(dataDir, clock);
    List<CertificateRequest> requests =
        List.of(
            PersistenceAdapterTest.rich("rich-1", 7),
            accepted("accepted-1"),
            accepted("ended-1")
                .moveTo(RequestStatus.CANCELLED, T0.plusSeconds(5), "withdrawn")
                .get());
    requests.forEach(request -> right(h2.requests().insert(request)));
    right(h2.idempotency().claim("caller-a", "key-1", "hash-1", new RequestId("accepted-1")));
    SpendingLedger.Reservation reservation =
        new SpendingLedger.Reservation(
            "caller-a",
            SpendingLedger.Charge.order(new RequestId("accepted-1")),
            Money.ofCents(1220),
            T0);
    // Checked against a cap, so that the caller's lock row is made and imported too.
    right(
        h2.spending()
            .reserve(
                reservation, List.of(new SpendingCap(SpendingPeriod.DAY, Money.ofCents(5000)))));
    CatalogSnapshot listing =
        new CatalogSnapshot(
            List.of(
                new CatalogEntry(
                    Fixtures.CERTIFICATE, Fixtures.VISENGINE, "Stato di famiglia", "Anagrafe")),
            T0);
    right(h2.catalogue().saveListing(listing));
    CachedCertificate certificate =
        new CachedCertificate(TestData.certificate("Stato di famiglia", "Anagrafe", true), T0);
    right(h2.catalogue().saveCertificate(certificate));
    StoredCredential credential = PersistenceAdapterTest.credential("openapi", "tok-1");
    right(h2.credentials().save(credential));
    adapters.close();
    assertThat(PersistenceSettings.embedded(dataDir).holdsH2Store()).isTrue();

    PersistenceAdapter sqlite = adapters.opened(PersistenceSettings.embedded(dataDir), clock);
    PersistenceAdapter.ImportReport report = right(sqlite.importH2Store(dataDir));

    assertThat(report.rows())
        .isEqualTo(
            LinkedHashMap.of(
                "request", 3,
                "request_values", 3,
                "idempotency_key", 1,
                "catalogue_listing", 1,
                "catalogue_certificate", 1,
                "spending_reservation", 1,
                "spending_caller", 1,
                "credentials", 1,
                "webhook_endpoint", 0,
                "webhook_delivery", 0));
    for (CertificateRequest request : requests) {
      assertThat(right(sqlite.requests().find(request.id())).get())
          .isEqualTo(new Stored<>(request, 0));
    }
    assertThat(right(sqlite.spending().reserve(reservation, List.empty())))
        .isEqualTo(Either.right(reservation));
    assertThat(right(sqlite.idempotency().claim("caller-a", "key-1", "hash-1", new RequestId("x"))))
        .isEqualTo(new Claim.Replay(new RequestId("accepted-1"), T0));
    assertThat(right(sqlite.catalogue().loadListing())).contains(listing);
    assertThat(right(sqlite.catalogue().loadCertificate(certificate.certificate().id())))
        .contains(certificate);
    assertThat(right(sqlite.credentials().find("openapi"))).contains(credential);
    assertThat(PersistenceSettings.embedded(dataDir).holdsH2Store()).isFalse();
    assertThat(report.setAside()).exists().hasFileName("sportello-h2-imported.mv.db");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report.setAside())))
        .isEqualTo("rw-------");
    assertThat(dataDir.resolve("sportello.db-wal")).isEmptyFile();
  }

  @Test
  void anImportSealsWhatAnEarlierVersionKeptInClearTextAndLeavesNoneOfItInTheStore()
      throws Exception {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    PersistenceAdapter h2 = adapters.openedEarlierH2Store(dataDir, clock);
    right(h2.requests().insert(accepted("clear-1")));
    adapters.close();
    PersistenceSettings earlier = PersistenceSettings.embeddedH2(dataDir);
    try (Connection connection =
            DriverManager.getConnection(earlier.jdbcUrl(), earlier.user(), earlier.password());
        Statement statement = connection.createStatement()) {
      // As versions before sealing wrote them: the reference, the e-mail and the values in clear.
      statement.executeUpdate(
          "UPDATE request SET reference = 'pratica-42', notify_email = 'mario.rossi@example.it',"
              + " reference_lookup = NULL");
      statement.executeUpdate(
          "UPDATE request_values SET values_json ="
              + " '{\"$0\":\"RSSMRA80A01H501U\",\"$1\":\"Mario\",\"$2\":\"Rossi\"}'");
    }
    PersistenceAdapter sqlite = adapters.opened(PersistenceSettings.embedded(dataDir), clock);

    right(sqlite.importH2Store(dataDir));

    assertThat(right(sqlite.requests().find(new RequestId("clear-1"))).get())
        .isEqualTo(new Stored<>(accepted("clear-1"), 0));
    assertThat(withReference(sqlite, "pratica-42"))
        .extracting(request -> request.id().value())
        .containsExactly("clear-1");
    for (String file : java.util.List.of("sportello.db", "sportello.db-wal")) {
      String bytes =
          new String(Files.readAllBytes(dataDir.resolve(file)), StandardCharsets.ISO_8859_1);
      assertThat(bytes)
          .as(file)
          .doesNotContain("pratica-42", "mario.rossi@example.it", "RSSMRA80A01H501U");
    }
  }

  @Test
  void aStoreAsTheReleaseBeforeSealingEveryColumnWroteItIsImportedAndFullyReadable()
      throws Exception {
    // The key file of that release: values and documents, no lookups key yet.
    DataKeys keys = DataKeys.generate();
    ObjectNode keyFile = (ObjectNode) JsonMapper.builder().build().readTree(keys.toJson());
    keyFile.remove("lookups");
    Files.writeString(
        OwnerOnly.createFile(dataDir.resolve(PersistenceSettings.DATA_KEY_FILE)),
        keyFile.toString());
    // Its H2 schema, at V3.
    PersistenceSettings earlier = PersistenceSettings.embeddedH2(dataDir);
    PersistenceAdapter.schema(
            Flyway.configure().dataSource(earlier.jdbcUrl(), earlier.user(), earlier.password()),
            Dialect.H2)
        .target("3")
        .load()
        .migrate();
    // Its rows: the reference and the e-mail in clear, the values sealed, the body hash plain, and
    // no engine (every request was a Visengine one).
    CertificateRequest request = accepted("earlier-1");
    RequestRow row =
        new RequestRows(Mappers.getMapper(JsonMapping.class), LiveKeys.fixed(keys))
            .toRow(request, 0);
    try (Connection h2 =
        DriverManager.getConnection(earlier.jdbcUrl(), earlier.user(), earlier.password())) {
      insert(
          h2,
          "INSERT INTO request (id, caller, certificate_id, certificate_name, status,"
              + " dispatch_kind, close_attempts, upstream_id, reference, notify_email, extras_json,"
              + " quote_json, total_cents, history_json, searches_json, selection_json,"
              + " outcome_json, document_name, document_size, document_sha256, has_document,"
              + " upstream_updated_at, created_at, updated_at, purged_at, version)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row.id(),
          row.caller(),
          row.certificateId(),
          row.certificateName(),
          row.status(),
          row.dispatchKind(),
          row.closeAttempts(),
          row.upstreamId(),
          request.reference().get(),
          request.notifyEmail().get(),
          row.extrasJson(),
          row.quoteJson(),
          row.totalCents(),
          row.historyJson(),
          row.searchesJson(),
          row.selectionJson(),
          row.outcomeJson(),
          row.documentName(),
          row.documentSize(),
          row.documentSha256(),
          row.hasDocument(),
          null,
          OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC),
          OffsetDateTime.ofInstant(row.updatedAt(), ZoneOffset.UTC),
          null,
          row.version());
      insert(
          h2,
          "INSERT INTO request_values (request_id, values_json) VALUES (?, ?)",
          row.id(),
          row.valuesJson());
      insert(
          h2,
          "INSERT INTO idempotency_key (caller, idem_key, body_hash, request_id, created_at)"
              + " VALUES (?, ?, ?, ?, ?)",
          "caller-a",
          "key-1",
          "hash-1",
          row.id(),
          OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
    }
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    PersistenceAdapter sqlite = adapters.opened(PersistenceSettings.embedded(dataDir), clock);

    right(sqlite.importH2Store(dataDir));

    assertThat(right(sqlite.requests().find(request.id())).get())
        .isEqualTo(new Stored<>(request, 0));
    assertThat(withReference(sqlite, "pratica-42")).containsExactly(request);
    assertThat(right(sqlite.idempotency().claim("caller-a", "key-1", "hash-1", new RequestId("x"))))
        .isEqualTo(new Claim.Replay(request.id(), T0));
  }

  private static List<CertificateRequest> withReference(
      PersistenceAdapter store, String reference) {
    return right(
            store
                .requests()
                .list(
                    new RequestFilter(
                        "caller-a", Option.none(), Option.none(), Option.some(reference)),
                    PersistenceAdapterTest.page(Option.none(), 10)))
        .items();
  }

  private static void insert(Connection connection, String sql, @Nullable Object... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  @Test
  void anImportStoppedBeforeItRenamedTheH2FileOnlyRenamesItWhenRunAgain() throws IOException {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    PersistenceAdapter h2 = adapters.openedEarlierH2Store(dataDir, clock);
    right(h2.requests().insert(accepted("imported-once")));
    adapters.close();
    PersistenceAdapter sqlite = adapters.opened(PersistenceSettings.embedded(dataDir), clock);
    PersistenceAdapter.ImportReport first = right(sqlite.importH2Store(dataDir));
    // As if the process had been killed after the import committed, before the rename.
    Files.move(first.setAside(), dataDir.resolve(PersistenceSettings.H2_DATABASE_FILE));

    PersistenceAdapter.ImportReport again = right(sqlite.importH2Store(dataDir));

    assertThat(again).isEqualTo(first);
    assertThat(right(sqlite.requests().find(new RequestId("imported-once"))).get())
        .isEqualTo(new Stored<>(accepted("imported-once"), 0));
    assertThat(PersistenceSettings.embedded(dataDir).holdsH2Store()).isFalse();
  }

  @Test
  void anImportIntoAStoreThatHoldsRequestsImportsNothing() {
    adapters.openedEarlierH2Store(dataDir, Clock.systemUTC());
    adapters.close();
    PersistenceAdapter sqlite = adapters.opened(PersistenceSettings.embedded(dataDir));
    right(sqlite.requests().insert(accepted("already-here")));

    assertThat(left(sqlite.importH2Store(dataDir))).isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(PersistenceSettings.embedded(dataDir).holdsH2Store()).isTrue();
  }

  @Test
  void anH2StoreThatAnotherProcessHoldsOpenIsNamedAndNothingIsImported() throws IOException {
    PersistenceAdapter h2 = adapters.openedEarlierH2Store(dataDir, Clock.systemUTC());
    right(h2.requests().insert(accepted("still-served")));
    adapters.close();
    PersistenceAdapter sqlite = adapters.opened(PersistenceSettings.embedded(dataDir));
    Path h2File = dataDir.resolve(PersistenceSettings.H2_DATABASE_FILE);

    StorageFailure refused;
    // The lock H2 takes on its file as another process serving from it holds it.
    try (FileChannel file = FileChannel.open(h2File, StandardOpenOption.WRITE)) {
      FileLock held = file.lock();
      try {
        refused = left(sqlite.importH2Store(dataDir));
      } finally {
        held.release();
      }
    }

    assertThat(refused.message())
        .startsWith("another process holds the H2 store (sportello.mv.db) open");
    assertThat(right(sqlite.requests().find(new RequestId("still-served")))).isEmpty();
    assertThat(PersistenceSettings.embedded(dataDir).holdsH2Store()).isTrue();
  }
}

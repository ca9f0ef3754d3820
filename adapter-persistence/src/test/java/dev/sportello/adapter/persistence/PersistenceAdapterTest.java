package dev.sportello.adapter.persistence;

import static dev.sportello.adapter.persistence.Fixtures.T0;
import static dev.sportello.adapter.persistence.Fixtures.VISENGINE;
import static dev.sportello.adapter.persistence.Fixtures.accepted;
import static dev.sportello.adapter.persistence.Fixtures.closedAs;
import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.application.port.out.CachedCertificate;
import dev.sportello.application.port.out.CatalogSnapshot;
import dev.sportello.application.port.out.ClaimedDelivery;
import dev.sportello.application.port.out.DeliveryLogRequest;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.IdempotencyStore.Claim;
import dev.sportello.application.port.out.Page;
import dev.sportello.application.port.out.PageRequest;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.StoredCredential;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.port.out.SyncView;
import dev.sportello.application.testing.SequentialWebhookSecrets;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Extra;
import dev.sportello.domain.catalog.FieldDeclaration;
import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.webhook.DeliveryAttempt;
import dev.sportello.domain.webhook.SendResult;
import dev.sportello.domain.webhook.WebhookEndpoint;
import dev.sportello.domain.webhook.WebhookSecret;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapstruct.factory.Mappers;

/**
 * What the adapter promises beyond the ports' contracts, on each database: the schema, the stored
 * form, erasure, failures as values.
 */
abstract class PersistenceAdapterTest {
  private static final SequentialWebhookSecrets SECRETS = new SequentialWebhookSecrets();
  @TempDir Path directory;

  PersistenceSettings settings;
  PersistenceAdapter adapter;

  /** Settings for a new, empty database. */
  abstract PersistenceSettings newDatabase(Path directory);

  /** How many migrations bring an empty database of this kind to the latest version. */
  abstract int migrationsOfAnEmptyStore();

  @BeforeEach
  void open() {
    settings = newDatabase(directory);
    adapter = PersistenceAdapter.create(settings, Clock.fixed(T0, ZoneOffset.UTC)).get();
    assertThat(adapter.migrate().get()).isEqualTo(migrationsOfAnEmptyStore());
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  Jdbi jdbi() {
    return Database.speaking(
        Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password()),
        Dialect.of(settings.jdbcUrl()).get());
  }

  @Test
  void migrationsRunOnceFromEmpty() {
    assertThat(right(adapter.migrate())).isZero();
    assertThat(right(adapter.health()).product()).isNotBlank();
  }

  /** How version 5 of the schema stored a request: every column but the engine. */
  private static final String INSERT_AT_V5 =
      "INSERT INTO request (id, caller, certificate_id, certificate_name, status, dispatch_kind,"
          + " close_attempts, upstream_id, reference, notify_email, reference_lookup, extras_json,"
          + " quote_json, total_cents, history_json, searches_json, selection_json, outcome_json,"
          + " document_name, document_size, document_sha256, has_document, upstream_updated_at,"
          + " created_at, updated_at, version) VALUES (:id, :caller, :certificateId,"
          + " :certificateName, :status, :dispatchKind, :closeAttempts, :upstreamId, :reference,"
          + " :notifyEmail, :referenceLookup, :extrasJson, :quoteJson, :totalCents, :historyJson,"
          + " :searchesJson, :selectionJson, :outcomeJson, :documentName, :documentSize,"
          + " :documentSha256, :hasDocument, :upstreamUpdatedAt, :createdAt, :updatedAt, :version)";

  @Test
  void aReservationMadeBeforeChargesHadKeysKeepsItsRequestAsTheOrdersKey(@TempDir Path earlier) {
    PersistenceSettings atV8 = newDatabase(earlier);
    Dialect dialect = Dialect.of(atV8.jdbcUrl()).get();
    EarlierSchemas.upTo(atV8, "8").load().migrate();
    Database.speaking(Jdbi.create(atV8.jdbcUrl(), atV8.user(), atV8.password()), dialect)
        .useHandle(handle ->
            handle
                .createUpdate(
                    "INSERT INTO spending_reservation (request_id, caller, amount_cents,"
                        + " reserved_at) VALUES ('earlier-1', 'caller-a', 1220, :at)")
                .bind("at", Database.timestamp(T0))
                .execute());

    try (PersistenceAdapter migrated = PersistenceAdapter.create(atV8).get()) {
      right(migrated.migrate());

      assertThat(
              right(
                  migrated
                      .spending()
                      .release(SpendingLedger.Charge.order(new RequestId("earlier-1")))))
          .isTrue();
    }
  }

  @Test
  void aRequestStoredBeforeRequestsNamedTheirEngineIsAVisengineRequest(@TempDir Path earlier) {
    DataKeys keys = DataKeys.generate();
    PersistenceSettings atV5 =
        newDatabase(earlier).withDataKey(new PersistenceSettings.DataKey.Given(keys.toJson()));
    Dialect dialect = Dialect.of(atV5.jdbcUrl()).get();
    EarlierSchemas.upTo(atV5, "5").load().migrate();
    CertificateRequest request = closedAs(accepted("earlier-1"), 9, RequestStatus.PROCESSING, T0);
    RequestRow row =
        new RequestRows(Mappers.getMapper(JsonMapping.class), LiveKeys.fixed(keys))
            .toRow(request, 0);
    Database.speaking(Jdbi.create(atV5.jdbcUrl(), atV5.user(), atV5.password()), dialect)
        .useHandle(handle -> {
          handle.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
          JdbcRequestRepository.bindRow(handle.createUpdate(INSERT_AT_V5), row).execute();
          handle.execute(
              "INSERT INTO request_values (request_id, values_json) VALUES (?, ?)",
              row.id(),
              row.valuesJson());
        });

    try (PersistenceAdapter migrated = PersistenceAdapter.create(atV5).get()) {
      assertThat(right(migrated.migrate())).isEqualTo(5);

      assertThat(right(migrated.requests().find(request.id())).get().value().engine())
          .isEqualTo(VISENGINE);
      assertThat(right(migrated.requests().openUpstream()))
          .containsExactly(
              new SyncView(
                  request.id(),
                  VISENGINE,
                  Fixtures.upstream(9),
                  RequestStatus.PROCESSING,
                  Option.none()));
    }
  }

  @Test
  void aRequestComesBackWithEveryField() {
    CertificateRequest request = rich("rich-1", 7);

    Stored<CertificateRequest> inserted = right(adapter.requests().insert(request));

    assertThat(inserted).isEqualTo(new Stored<>(request, 0));
    assertThat(right(adapter.requests().find(request.id()))).contains(inserted);
    assertThat(right(adapter.requests().findByUpstreamId(Fixtures.upstream(7)))).contains(inserted);
    assertThat(right(adapter.requests().find(new RequestId("missing")))).isEmpty();
  }

  @Test
  void submittedValuesAndSearchCandidatesAreStoredSealed() {
    right(adapter.requests().insert(rich("rich-1", 7)));

    String stored =
        jdbi()
            .withHandle(handle ->
                handle
                    .createQuery(
                        "SELECT r.searches_json, v.values_json FROM request r JOIN request_values"
                            + " v ON v.request_id = r.id WHERE r.id = 'rich-1'")
                    .mapToMap()
                    .one()
                    .values()
                    .toString());
    for (String personal : java.util.List.of("RSSMRA80A01H501U", "Mario", "Rossi", "Roma")) {
      assertThat(stored).doesNotContain(personal);
    }
    assertThat(stored).contains("sealed:");
  }

  @Test
  void theReferenceEmailNotesAndUpstreamMessageAreStoredSealed() {
    CertificateRequest request = rich("rich-1", 7);
    right(
        adapter
            .requests()
            .insert(request.cancel("Mario changed his mind", T0.plusSeconds(9)).get()));

    String stored = everyColumnOf("rich-1");

    for (String personal :
        java.util.List.of("pratica-42", "mario.rossi@example.it", "Mario", "Ricerca evasa")) {
      assertThat(stored).doesNotContain(personal);
    }
  }

  @Test
  void aListingFindsASealedReferenceOnlyForItsCaller() {
    right(adapter.requests().insert(accepted("mine", "caller-a", T0)));
    right(adapter.requests().insert(accepted("theirs", "caller-b", T0)));

    assertThat(ids(withReference("caller-a", "pratica-42"))).containsExactly("mine");
  }

  Page<CertificateRequest> withReference(String caller, String reference) {
    return right(
        adapter
            .requests()
            .list(
                new RequestFilter(caller, Option.none(), Option.none(), Option.some(reference)),
                page(Option.none(), 10)));
  }

  @Test
  void aReferenceAndEmailStoredBeforeSealingStillReadAndFilter() {
    right(adapter.requests().insert(accepted("plain")));
    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE request SET reference = 'pratica-7', notify_email = 'a@example.it',"
                    + " reference_lookup = NULL WHERE id = 'plain'"));

    CertificateRequest read = right(adapter.requests().find(new RequestId("plain"))).get().value();

    assertThat(read.reference()).contains("pratica-7");
    assertThat(read.notifyEmail()).contains("a@example.it");
    assertThat(ids(withReference("caller-a", "pratica-7"))).containsExactly("plain");
  }

  @Test
  void aRotatedKeyFileHoldsTheNewKeyBesideTheOldAndStaysOwnerOnly() throws IOException {
    var rotation = right(settings.dataKey().rotate());

    assertThat(rotation.keys()).isEqualTo(2);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())))
        .isEqualTo("rw-------");
  }

  @Test
  void afterARotationEveryRequestIsSealedWithTheNewKeyAndStillOpens() {
    int count = Resealing.BATCH + 20;
    var stored = new java.util.ArrayList<CertificateRequest>();
    for (int i = 0; i < count; i++) {
      stored.add(right(adapter.requests().insert(rich("r-" + i, i + 1))).value());
    }
    resealUntilFinished();

    right(settings.dataKey().rotate());
    resealUntilFinished();

    RequestRows withNewKeys = rowsWithTheKeysKept();
    for (CertificateRequest request : stored) {
      assertThat(right(adapter.requests().find(request.id())).get().value()).isEqualTo(request);
      assertThat(sealedColumnsOf(request.id().value()))
          .isNotEmpty()
          .allMatch(withNewKeys::sealedWithCurrentKey);
    }
  }

  @Test
  void afterARotationEveryDocumentIsSealedWithTheNewKeyAndStillOpens() throws Exception {
    byte[] document = "%PDF RSSMRA80A01H501U".getBytes(StandardCharsets.UTF_8);
    var stored = new java.util.ArrayList<CertificateRequest>();
    for (int i = 0; i < 3; i++) {
      CertificateRequest request = right(adapter.requests().insert(rich("d-" + i, i + 1))).value();
      DocumentStore.Upload upload = right(adapter.documents().begin(request.id(), "d.zip"));
      upload.stream().write(document);
      right(upload.commit());
      stored.add(request);
    }

    right(settings.dataKey().rotate());
    resealUntilFinished();

    DataKeys rotated = DataKeys.kept(keyFile()).get();
    for (CertificateRequest request : stored) {
      Path file = FileDocumentStore.fileOf(settings.documentsDirectory(), request.id());
      try (var in = new java.io.DataInputStream(Files.newInputStream(file))) {
        in.skipNBytes(4);
        assertThat(in.readInt()).isEqualTo(rotated.currentDocumentKey());
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      try (InputStream in = right(adapter.documents().open(request.id())).get()) {
        assertThat(in.readAllBytes()).isEqualTo(document);
      }
    }
    try (var inFolder = Files.list(settings.documentsDirectory())) {
      assertThat(inFolder).hasSize(3);
    }
  }

  @Test
  void aRequestWrittenWhileStoredDataIsSealedAgainKeepsEveryWrite() throws Exception {
    int count = Resealing.BATCH + 20;
    for (int i = 0; i < count; i++) {
      right(adapter.requests().insert(rich("r-" + i, i + 1)));
    }
    right(settings.dataKey().rotate());

    // The first step takes the new key up; a request is written on while the rest is sealed again.
    right(adapter.resealStep());
    RequestId last = new RequestId("r-" + (count - 1));
    var writer =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          Stored<CertificateRequest> current = right(adapter.requests().find(last)).get();
          for (int i = 1; i <= 20; i++) {
            current =
                right(
                    adapter
                        .requests()
                        .update(
                            current.value().withUpstreamUpdatedAt(T0.plusSeconds(1000 + i)),
                            current.version()));
          }
          return current;
        });
    resealUntilFinished();
    Stored<CertificateRequest> written = writer.get();

    assertThat(right(adapter.requests().find(last))).contains(written);
  }

  @Test
  void sealingARowAgainAtAVersionNowStaleLeavesTheRowAlone() {
    right(adapter.requests().insert(rich("r-1", 1)));
    right(settings.dataKey().rotate());
    var written = new java.util.concurrent.atomic.AtomicReference<Stored<CertificateRequest>>();
    Resealing resealing =
        resealingThatMeanwhile(() -> {
          Stored<CertificateRequest> read =
              right(adapter.requests().find(new RequestId("r-1"))).get();
          written.set(
              right(
                  adapter
                      .requests()
                      .update(
                          read.value().withUpstreamUpdatedAt(T0.plusSeconds(1000)),
                          read.version())));
        });

    Resealing.Step step = right(resealing.step());

    assertThat(step.requests()).isZero();
    assertThat(written.get()).isNotNull();
    assertThat(right(adapter.requests().find(new RequestId("r-1")))).contains(written.get());
  }

  @Test
  void anUpdateAtTheVersionReadBeforeASealingAgainStillSucceeds() {
    Stored<CertificateRequest> read = right(adapter.requests().insert(rich("r-1", 1)));
    right(settings.dataKey().rotate());
    resealUntilFinished();

    Stored<CertificateRequest> updated =
        right(
            adapter
                .requests()
                .update(read.value().withUpstreamUpdatedAt(T0.plusSeconds(1000)), read.version()));

    assertThat(updated.version()).isEqualTo(read.version() + 1);
    assertThat(right(adapter.requests().find(new RequestId("r-1")))).contains(updated);
  }

  /**
   * A sealing of stored data with the keys the key file holds, on its own connections, that runs
   * {@code meanwhile} once, right after it read its first batch and before it writes anything.
   */
  Resealing resealingThatMeanwhile(Runnable meanwhile) {
    return resealingThatMeanwhile("SELECT r.id, r.caller, r.version", meanwhile);
  }

  /**
   * A sealing of stored data as {@link #resealingThatMeanwhile(Runnable)}, that runs {@code
   * meanwhile} right after the first query that starts as given.
   */
  Resealing resealingThatMeanwhile(String afterQuery, Runnable meanwhile) {
    Jdbi jdbi = jdbi();
    var ran = new java.util.concurrent.atomic.AtomicBoolean();
    jdbi.addCustomizer(
        new org.jdbi.v3.core.statement.StatementCustomizer() {
          @Override
          public void afterExecution(
              java.sql.PreparedStatement statement,
              org.jdbi.v3.core.statement.StatementContext context) {
            if (context.getRawSql().startsWith(afterQuery) && ran.compareAndSet(false, true)) {
              meanwhile.run();
            }
          }
        });
    LiveKeys keys = LiveKeys.keptIn(keyFile(), DataKeys.kept(keyFile()).get());
    Database database = new Database(jdbi, Dialect.of(settings.jdbcUrl()).get());
    return new Resealing(
        database,
        new RequestRows(org.mapstruct.factory.Mappers.getMapper(JsonMapping.class), keys),
        new FileDocumentStore(settings.documentsDirectory(), keys),
        new JdbcCredentialStore(
            database, keys, new InProcessCredentialLocks(settings.jdbcUrl()), Clock.systemUTC()),
        new JdbcWebhookStore(database, Dialect.of(settings.jdbcUrl()).get(), keys),
        keys);
  }

  Path keyFile() {
    return ((PersistenceSettings.DataKey.KeptIn) settings.dataKey()).file();
  }

  @Test
  void rowsStoredBeforeSealingAreSealedByTheFirstPass() {
    CertificateRequest request = accepted("plain");
    right(adapter.requests().insert(request));
    String history =
        Json.write(
            org.mapstruct.factory.Mappers.getMapper(JsonMapping.class).history(request.history()));
    jdbi()
        .useHandle(handle ->
            handle
                .createUpdate(
                    "UPDATE request SET reference = 'pratica-7', reference_lookup = NULL,"
                        + " history_json = :history WHERE id = 'plain'")
                .bind("history", history)
                .execute());
    CertificateRequest plain = right(adapter.requests().find(new RequestId("plain"))).get().value();

    try (PersistenceAdapter reopened = PersistenceAdapter.create(settings).get()) {
      while (!right(reopened.resealStep()).finished()) {
        // one bounded batch per step
      }
    }

    assertThat(everyColumnOf("plain")).doesNotContain("pratica-7");
    assertThat(sealedColumnsOf("plain"))
        .hasSize(5)
        .allMatch(column -> column.startsWith("sealed:"));
    assertThat(right(adapter.requests().find(new RequestId("plain"))).get().value())
        .isEqualTo(plain);
  }

  @Test
  void aRequestThatDoesNotOpenIsLeftAsItIsAndThePassGoesOn() {
    right(adapter.requests().insert(accepted("broken")));
    right(adapter.requests().insert(accepted("sound")));
    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE request_values SET values_json = (SELECT values_json FROM request_values"
                    + " WHERE request_id = 'sound') WHERE request_id = 'broken'"));
    String broken = String.join(" ", sealedColumnsOf("broken"));

    right(settings.dataKey().rotate());
    resealUntilFinished();

    assertThat(String.join(" ", sealedColumnsOf("broken"))).isEqualTo(broken);
    assertThat(sealedColumnsOf("sound")).allMatch(rowsWithTheKeysKept()::sealedWithCurrentKey);
    assertThat(right(adapter.requests().find(new RequestId("sound"))).get().value())
        .isEqualTo(accepted("sound"));
  }

  /** Rows read with the keys the key file holds now. */
  RequestRows rowsWithTheKeysKept() {
    Path keyFile = ((PersistenceSettings.DataKey.KeptIn) settings.dataKey()).file();
    return new RequestRows(
        org.mapstruct.factory.Mappers.getMapper(JsonMapping.class),
        LiveKeys.fixed(DataKeys.kept(keyFile).get()));
  }

  void resealUntilFinished() {
    for (int step = 0; step < 100; step++) {
      if (right(adapter.resealStep()).finished()) {
        return;
      }
    }
    throw new AssertionError("sealing again did not finish in 100 steps");
  }

  /** The sealed columns of a request's row and of its values, as stored. */
  java.util.List<String> sealedColumnsOf(String id) {
    return jdbi()
        .withHandle(handle ->
            handle
                .createQuery(
                    "SELECT r.reference, r.notify_email, r.history_json, r.searches_json,"
                        + " r.outcome_json, v.values_json FROM request r"
                        + " JOIN request_values v ON v.request_id = r.id WHERE r.id = :id")
                .bind("id", id)
                .mapToMap()
                .one()
                .values()
                .stream()
                .filter(java.util.Objects::nonNull)
                .map(String::valueOf)
                .toList());
  }

  @Test
  void theBodyHashOfAnIdempotencyKeyIsStoredKeyedAndStillMatchesAfterARotation() {
    String bodyHash = "ab".repeat(32);
    right(adapter.idempotency().claim("caller-a", "key-1", bodyHash, new RequestId("r-1")));
    String stored =
        jdbi()
            .withHandle(handle ->
                handle
                    .createQuery("SELECT body_hash FROM idempotency_key WHERE idem_key = 'key-1'")
                    .mapTo(String.class)
                    .one());

    right(settings.dataKey().rotate());
    right(adapter.resealStep());

    assertThat(stored).isNotEqualTo(bodyHash);
    assertThat(
            right(adapter.idempotency().claim("caller-a", "key-1", bodyHash, new RequestId("x"))))
        .isInstanceOf(Claim.Replay.class);
    assertThat(claimOfKey1WithAnotherBody()).isInstanceOf(Claim.Mismatch.class);
  }

  @Test
  void aBodyHashedWithAKeyAnotherInstanceTookUpFirstIsAReplayNotAnotherBody() {
    String bodyHash = "ab".repeat(32);
    right(settings.dataKey().rotate());
    Path keyFile = ((PersistenceSettings.DataKey.KeptIn) settings.dataKey()).file();
    right(
        instanceHolding(DataKeys.kept(keyFile).get())
            .claim("caller-a", "key-1", bodyHash, new RequestId("r-1")));

    assertThat(
            right(adapter.idempotency().claim("caller-a", "key-1", bodyHash, new RequestId("x"))))
        .isEqualTo(new Claim.Replay(new RequestId("r-1"), T0));
  }

  @Test
  void aBodyHashedWithAKeyNotHeldHereIsARetryLaterNeverAnotherBody() {
    Path keyFile = ((PersistenceSettings.DataKey.KeptIn) settings.dataKey()).file();
    DataKeys notPublished = DataKeys.kept(keyFile).get().rotated();
    right(
        instanceHolding(notPublished)
            .claim("caller-a", "key-1", "ab".repeat(32), new RequestId("r-1")));

    assertThat(
            left(
                adapter
                    .idempotency()
                    .claim("caller-a", "key-1", "cd".repeat(32), new RequestId("x"))))
        .isInstanceOf(StorageFailure.Unavailable.class);
  }

  /** A claim of {@code key-1} for a body other than the one it came with. */
  Claim claimOfKey1WithAnotherBody() {
    return right(
        adapter.idempotency().claim("caller-a", "key-1", "cd".repeat(32), new RequestId("x")));
  }

  /** The idempotency store of another instance on the same database, holding these keys. */
  JdbcIdempotencyStore instanceHolding(DataKeys keys) {
    return new JdbcIdempotencyStore(
        new Database(jdbi(), Dialect.of(settings.jdbcUrl()).get()),
        LiveKeys.fixed(keys),
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  @Test
  void aRotationAnIdempotencyRetryTookUpFirstStillStartsAPass() {
    right(adapter.requests().insert(rich("r-1", 1)));
    resealUntilFinished();
    right(adapter.idempotency().claim("caller-a", "key-1", "ab".repeat(32), new RequestId("r-1")));
    right(settings.dataKey().rotate());

    // Another body: the store reads the key file again before it answers so.
    assertThat(claimOfKey1WithAnotherBody()).isInstanceOf(Claim.Mismatch.class);
    resealUntilFinished();

    assertThat(sealedColumnsOf("r-1")).allMatch(rowsWithTheKeysKept()::sealedWithCurrentKey);
  }

  @Test
  void aBodyHashStoredBeforeKeyingStillMatches() {
    right(adapter.idempotency().claim("caller-a", "old-key", "plain-hash", new RequestId("r-1")));
    // As an earlier version stored it: the body hash itself.
    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE idempotency_key SET body_hash = 'plain-hash' WHERE idem_key = 'old-key'"));

    assertThat(
            right(
                adapter
                    .idempotency()
                    .claim("caller-a", "old-key", "plain-hash", new RequestId("x"))))
        .isInstanceOf(Claim.Replay.class);
  }

  /** Every column of a request's row and of its values, as text. */
  String everyColumnOf(String id) {
    return jdbi()
        .withHandle(handle ->
            handle
                .createQuery(
                    "SELECT * FROM request r LEFT JOIN request_values v ON v.request_id = r.id"
                        + " WHERE r.id = :id")
                .bind("id", id)
                .mapToMap()
                .one()
                .values()
                .toString());
  }

  static StoredCredential credential(String name, String secret) {
    return new StoredCredential(
        name,
        secret,
        "Sportello di Rossi & Figli",
        List.of("POST:test.visengine2.altravia.com/richiesta"),
        T0.plus(Duration.ofDays(30)));
  }

  @Test
  void aCredentialIsStoredSealedWithNeitherItsTokenNorItsLabelInClear() {
    right(adapter.credentials().save(credential("openapi", "tok-0123456789abcdef")));

    String stored =
        jdbi()
            .withHandle(handle ->
                handle
                    .createQuery("SELECT * FROM credentials")
                    .mapToMap()
                    .one()
                    .values()
                    .toString());

    assertThat(stored)
        .contains("openapi", "sealed:")
        .doesNotContain("tok-0123456789abcdef")
        .doesNotContain("Rossi")
        .doesNotContain("richiesta");
  }

  @Test
  void webhookSecretsAreStoredSealedAndOpenAgain() {
    StoredEndpoint endpoint =
        new StoredEndpoint(
            new WebhookEndpoint("alice", "https://hooks.example/in", T0, T0),
            SECRETS.next(),
            Option.some(
                new StoredEndpoint.RetiringSecret(SECRETS.next(), T0.plus(Duration.ofDays(1)))));
    right(adapter.webhooks().saveEndpoint(endpoint));

    String stored =
        jdbi()
            .withHandle(handle ->
                handle
                    .createQuery("SELECT * FROM webhook_endpoint")
                    .mapToMap()
                    .one()
                    .values()
                    .toString());

    assertThat(stored)
        .contains("alice", "https://hooks.example/in", "sealed:")
        .doesNotContain(endpoint.secret().value().substring(WebhookSecret.PREFIX.length()))
        .doesNotContain(
            endpoint.previous().get().secret().value().substring(WebhookSecret.PREFIX.length()));
    assertThat(right(adapter.webhooks().endpoint("alice"))).contains(endpoint);
  }

  @Test
  void aPurgeErasesWebhookDeliveriesFinishedBeforeTheCutOff() {
    right(
        adapter
            .webhooks()
            .saveEndpoint(
                new StoredEndpoint(
                    new WebhookEndpoint("alice", "https://hooks.example/in", T0, T0),
                    SECRETS.next(),
                    Option.none())));
    right(adapter.requests().insert(Fixtures.accepted("hooked", "alice", T0)));
    for (ClaimedDelivery claim :
        right(adapter.webhooks().claimDue(T0, Duration.ofMinutes(5), 10))) {
      right(
          adapter
              .webhooks()
              .recordAttempt(
                  claim, new DeliveryAttempt(T0, new SendResult.Delivered(200)), Option.none()));
    }

    PersistenceAdapter.PurgeReport report =
        right(adapter.purgePersonalData(T0.plus(Duration.ofDays(1))));

    assertThat(report.webhookDeliveries()).isEqualTo(1);
    assertThat(
            right(adapter.webhooks().deliveries("alice", new DeliveryLogRequest(Option.none(), 10)))
                .items())
        .isEmpty();
  }

  @Test
  void aCredentialCopiedUnderAnotherNameDoesNotOpenThereAndTheRefusalShowsNoneOfIt() {
    right(adapter.credentials().save(credential("openapi", "tok-0123456789abcdef")));
    right(adapter.credentials().save(credential("other", "tok-other")));
    copyCredential("openapi", "other");

    StorageFailure refused = left(adapter.credentials().find("other"));

    assertThat(refused).isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(refused.message())
        .contains("credential other")
        .doesNotContain("tok-")
        .doesNotContain("Rossi");
  }

  @Test
  void afterARotationEveryCredentialIsSealedWithTheNewKeyAndStillOpens() {
    StoredCredential openapi =
        right(adapter.credentials().save(credential("openapi", "tok-0123456789abcdef")));
    StoredCredential other = right(adapter.credentials().save(credential("other", "tok-other")));
    resealUntilFinished();

    right(settings.dataKey().rotate());
    resealUntilFinished();

    SealedText withNewKeys = new SealedText(LiveKeys.fixed(DataKeys.kept(keyFile()).get()));
    assertThat(credentialPayloads()).hasSize(2).allMatch(withNewKeys::sealedWithCurrentKey);
    assertThat(right(adapter.credentials().find("openapi"))).contains(openapi);
    assertThat(right(adapter.credentials().find("other"))).contains(other);
  }

  @Test
  void afterARotationEveryWebhookSecretIsSealedWithTheNewKeyAndStillOpens() {
    StoredEndpoint endpoint =
        new StoredEndpoint(
            new WebhookEndpoint("alice", "https://hooks.example/in", T0, T0),
            SECRETS.next(),
            Option.none());
    right(adapter.webhooks().saveEndpoint(endpoint));
    resealUntilFinished();

    right(settings.dataKey().rotate());
    resealUntilFinished();

    SealedText withNewKeys = new SealedText(LiveKeys.fixed(DataKeys.kept(keyFile()).get()));
    java.util.List<String> secrets =
        jdbi()
            .withHandle(handle ->
                handle
                    .createQuery("SELECT secrets FROM webhook_endpoint")
                    .mapTo(String.class)
                    .list());
    assertThat(secrets).singleElement().matches(withNewKeys::sealedWithCurrentKey);
    assertThat(right(adapter.webhooks().endpoint("alice"))).contains(endpoint);
  }

  @Test
  void aCredentialSavedWhileCredentialsAreSealedAgainKeepsItsSave() {
    right(adapter.credentials().save(credential("openapi", "tok-1")));
    right(settings.dataKey().rotate());
    StoredCredential replacement = credential("openapi", "tok-2");
    Resealing resealing =
        resealingThatMeanwhile(
            "SELECT name, payload FROM credentials",
            () -> right(adapter.credentials().save(replacement)));

    right(resealing.step());

    assertThat(right(adapter.credentials().find("openapi"))).contains(replacement);
  }

  @Test
  void aCredentialThatDoesNotOpenIsLeftAsItIsAndThePassGoesOn() {
    StoredCredential openapi =
        right(adapter.credentials().save(credential("openapi", "tok-0123456789abcdef")));
    right(adapter.credentials().save(credential("other", "tok-other")));
    copyCredential("openapi", "other");
    java.util.List<String> before = credentialPayloads();

    right(settings.dataKey().rotate());
    resealUntilFinished();

    java.util.List<String> after = credentialPayloads();
    assertThat(after.get(0)).isNotEqualTo(before.get(0));
    assertThat(after.get(1)).isEqualTo(before.get(1));
    assertThat(right(adapter.credentials().find("openapi"))).contains(openapi);
  }

  /** Copies a stored credential, as it is kept, over the one kept under another name. */
  void copyCredential(String from, String to) {
    jdbi()
        .useHandle(handle ->
            handle
                .createUpdate(
                    "UPDATE credentials SET payload = (SELECT payload FROM credentials"
                        + " WHERE name = :from) WHERE name = :to")
                .bind("from", from)
                .bind("to", to)
                .execute());
  }

  /** The stored credentials as they are kept, in the order of their names. */
  java.util.List<String> credentialPayloads() {
    return jdbi()
        .withHandle(handle ->
            handle
                .createQuery("SELECT payload FROM credentials ORDER BY name")
                .mapTo(String.class)
                .list());
  }

  @Test
  void sealedValuesCopiedToAnotherRequestDoNotOpenThere() {
    right(adapter.requests().insert(rich("rich-1", 7)));
    right(adapter.requests().insert(accepted("other")));

    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE request_values SET values_json = (SELECT values_json FROM request_values"
                    + " WHERE request_id = 'rich-1') WHERE request_id = 'other'"));

    assertThat(left(adapter.requests().find(new RequestId("other"))))
        .isInstanceOf(StorageFailure.Unavailable.class);
  }

  @Test
  void valuesStoredBeforeSealingStillReadAsTheyWere() {
    CertificateRequest request = accepted("plain");
    right(adapter.requests().insert(request));

    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE request_values SET values_json = '{\"$0\": \"Mario\"}'"
                    + " WHERE request_id = 'plain'"));

    assertThat(right(adapter.requests().find(request.id())).get().value().submission().values())
        .containsExactly(io.vavr.Tuple.of(new dev.sportello.domain.field.FieldKey("$0"), "Mario"));
  }

  @Test
  void instantsKeepMicrosecondsAndTheStoredFormIsWhatIsReadBack() {
    Instant precise = Instant.parse("2025-03-01T09:00:00.123456789Z");
    Stored<CertificateRequest> inserted =
        right(adapter.requests().insert(accepted("precise", "caller-a", precise)));

    assertThat(inserted.value().createdAt()).isEqualTo("2025-03-01T09:00:00.123456Z");
    assertThat(right(adapter.requests().find(new RequestId("precise")))).contains(inserted);
  }

  @Test
  void aStaleWriteIsAConflictAndChangesNothing() {
    CertificateRequest request = accepted("stale-1");
    right(adapter.requests().insert(request));
    CertificateRequest cancelled = request.cancel("changed my mind", T0.plusSeconds(1)).get();
    Stored<CertificateRequest> updated = right(adapter.requests().update(cancelled, 0));
    assertThat(updated.version()).isEqualTo(1);

    StorageFailure stale =
        left(adapter.requests().update(request.cancel("other", T0.plusSeconds(2)).get(), 0));

    assertThat(stale).isInstanceOf(StorageFailure.StaleWrite.class);
    assertThat(right(adapter.requests().find(request.id()))).contains(updated);
    assertThat(left(adapter.requests().update(accepted("never-stored"), 0)))
        .isInstanceOf(StorageFailure.StaleWrite.class);
  }

  @Test
  void idsAndUpstreamIdsAreUnique() {
    right(adapter.requests().insert(accepted("dup-1")));
    assertThat(left(adapter.requests().insert(accepted("dup-1"))))
        .isInstanceOf(StorageFailure.Duplicate.class);

    right(adapter.requests().insert(closedAs(accepted("up-1"), 1, RequestStatus.PROCESSING, T0)));
    assertThat(
            left(
                adapter
                    .requests()
                    .insert(closedAs(accepted("up-2"), 1, RequestStatus.PROCESSING, T0))))
        .isInstanceOf(StorageFailure.Duplicate.class);
    CertificateRequest other = accepted("up-3");
    right(adapter.requests().insert(other));
    assertThat(
            left(
                adapter
                    .requests()
                    .update(closedAs(other, 1, RequestStatus.PROCESSING, T0.plusSeconds(1)), 0)))
        .isInstanceOf(StorageFailure.Duplicate.class);
  }

  @Test
  void listingsPageNewestFirstInCodePointOrderAndStayStableUnderInserts() {
    // Equal creation times are ordered by id as Java compares strings: '_' > 'Z' > 'B' > '-'.
    for (String id : java.util.List.of("B", "Z", "_", "-", "a", "b2")) {
      right(adapter.requests().insert(accepted(id, "caller-a", T0)));
    }
    right(adapter.requests().insert(accepted("late", "caller-a", T0.plusSeconds(5))));
    right(adapter.requests().insert(accepted("other", "caller-b", T0.plusSeconds(9))));

    RequestFilter mine = RequestFilter.all("caller-a");
    Page<CertificateRequest> first = right(adapter.requests().list(mine, page(Option.none(), 3)));
    right(adapter.requests().insert(accepted("newest", "caller-a", T0.plusSeconds(60))));
    Page<CertificateRequest> second = right(adapter.requests().list(mine, page(first.next(), 3)));
    Page<CertificateRequest> third = right(adapter.requests().list(mine, page(second.next(), 3)));

    assertThat(ids(first)).containsExactly("late", "b2", "a");
    assertThat(ids(second)).containsExactly("_", "Z", "B");
    assertThat(ids(third)).containsExactly("-");
    assertThat(third.next()).isEmpty();
  }

  @Test
  void listingsFilterByStatusCertificateAndReference() {
    right(adapter.requests().insert(accepted("f-1")));
    CertificateRequest cancelled = accepted("f-2", "caller-a", T0.plusSeconds(1));
    right(adapter.requests().insert(cancelled));
    right(adapter.requests().update(cancelled.cancel("no", T0.plusSeconds(2)).get(), 0));

    assertThat(
            ids(
                right(
                    adapter
                        .requests()
                        .list(
                            new RequestFilter(
                                "caller-a",
                                Option.some(RequestStatus.CANCELLED),
                                Option.some(Fixtures.CERTIFICATE),
                                Option.some("pratica-42")),
                            page(Option.none(), 10)))))
        .containsExactly("f-2");
    assertThat(
            right(
                    adapter
                        .requests()
                        .list(
                            new RequestFilter(
                                "caller-a", Option.none(), Option.none(), Option.some("other")),
                            page(Option.none(), 10)))
                .items())
        .isEmpty();
  }

  @Test
  void theSyncQueriesFindWhatTheCycleNeeds() {
    right(adapter.requests().insert(accepted("new-2", "c", T0.plusSeconds(2))));
    right(adapter.requests().insert(accepted("new-1", "c", T0.plusSeconds(1))));
    CertificateRequest drafted =
        accepted("drafted", "c", T0.plusSeconds(3))
            .recordDraft(Fixtures.upstream(3), T0.plusSeconds(3))
            .get();
    right(adapter.requests().insert(drafted));
    right(
        adapter
            .requests()
            .insert(
                closedAs(accepted("processing", "c", T0), 4, RequestStatus.PROCESSING, T0)
                    .withUpstreamUpdatedAt(T0.plusSeconds(30))));
    right(
        adapter
            .requests()
            .insert(closedAs(accepted("available", "c", T0), 5, RequestStatus.DATA_AVAILABLE, T0)));
    right(
        adapter
            .requests()
            .insert(
                closedAs(accepted("fulfilled", "c", T0), 6, RequestStatus.FULFILLED, T0)
                    .attachDocument(new DocumentRef("x.zip", 3, "ab"), T0)
                    .get()));
    right(
        adapter
            .requests()
            .insert(closedAs(accepted("to-fetch", "c", T0), 7, RequestStatus.FULFILLED, T0)));

    assertThat(right(adapter.requests().awaitingDispatch(10)).map(r -> r.id().value()))
        .containsExactly("new-1", "new-2", "drafted");
    assertThat(right(adapter.requests().awaitingDispatch(1))).hasSize(1);
    assertThat(right(adapter.requests().openUpstream()))
        .containsExactlyInAnyOrder(
            new SyncView(
                new RequestId("available"),
                VISENGINE,
                Fixtures.upstream(5),
                RequestStatus.DATA_AVAILABLE,
                Option.none()),
            new SyncView(
                new RequestId("drafted"),
                VISENGINE,
                Fixtures.upstream(3),
                RequestStatus.ACCEPTED,
                Option.none()),
            new SyncView(
                new RequestId("processing"),
                VISENGINE,
                Fixtures.upstream(4),
                RequestStatus.PROCESSING,
                Option.some(T0.plusSeconds(30))));
    assertThat(right(adapter.requests().awaitingDocument(10)).map(r -> r.id().value()))
        .containsExactlyInAnyOrder("available", "to-fetch");
  }

  @Test
  void aRowTheDomainRefusesIsUnavailableNotAnException() {
    right(adapter.requests().insert(accepted("broken")));
    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE request SET history_json = '[{\"status\":' WHERE id = 'broken'"));
    right(adapter.requests().insert(accepted("bad-status")));
    jdbi()
        .useHandle(
            handle -> handle.execute("UPDATE request SET status = 'LOST' WHERE id = 'bad-status'"));

    StorageFailure malformed = left(adapter.requests().find(new RequestId("broken")));
    StorageFailure refused = left(adapter.requests().find(new RequestId("bad-status")));

    assertThat(malformed).isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(malformed.message()).contains("broken").contains("malformed JSON");
    assertThat(refused.message()).contains("bad-status").doesNotContain("RSSMRA");
    assertThat(left(adapter.requests().list(RequestFilter.all("caller-a"), page(Option.none(), 5))))
        .isInstanceOf(StorageFailure.Unavailable.class);
  }

  @Test
  void aRowNamingNoEngineIsUnavailableAndSaysWhy() {
    right(adapter.requests().insert(accepted("no-engine")));
    jdbi()
        .useHandle(handle ->
            handle.execute("UPDATE request SET engine = 'Vis Engine' WHERE id = 'no-engine'"));

    StorageFailure refused = left(adapter.requests().find(new RequestId("no-engine")));

    assertThat(refused).isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(refused.message()).contains("no-engine", "names no engine");
  }

  @Test
  void aRequestThatDoesNotOpenIsLeftOutOfTheSyncCycleAndTheOthersGoOn() {
    right(adapter.requests().insert(accepted("broken", "caller-a", T0)));
    right(adapter.requests().insert(accepted("sound", "caller-a", T0.plusSeconds(1))));
    sealedForAnotherRequest("broken", "sound");

    assertThat(right(adapter.requests().awaitingDispatch(10)).map(r -> r.id().value()))
        .containsExactly("sound");
    assertThat(left(adapter.requests().find(new RequestId("broken"))))
        .isInstanceOf(StorageFailure.Unavailable.class);
  }

  @Test
  void aRequestReadBeforeItsPersonalDataWasErasedIsReadErased() {
    CertificateRequest ended =
        rich("read-then-erased", 1)
            .moveTo(RequestStatus.FULFILLED, T0.plusSeconds(100), "evasa")
            .get();
    right(adapter.requests().insert(ended));
    assertThat(right(adapter.requests().findOwned(ended.id(), ended.caller())).get().value())
        .isEqualTo(ended);

    right(adapter.purgePersonalData(T0.plus(Duration.ofDays(1))));

    CertificateRequest read =
        right(adapter.requests().findOwned(ended.id(), ended.caller())).get().value();
    assertThat(read.submission().values()).isEmpty();
    assertThat(read.reference()).isEmpty();
    assertThat(read.notifyEmail()).isEmpty();
  }

  @Test
  void aRowChangedByHandWithoutANewVersionIsReadAsChanged() {
    CertificateRequest request = accepted("by-hand");
    right(adapter.requests().insert(request));
    assertThat(right(adapter.requests().find(request.id())).get().value()).isEqualTo(request);

    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE request SET certificate_name = 'Visura camerale' WHERE id = 'by-hand'"));

    assertThat(right(adapter.requests().find(request.id())).get().value().certificateName())
        .isEqualTo("Visura camerale");
  }

  @Test
  void retentionLeavesARequestThatDoesNotOpenAndErasesTheOthers() {
    right(
        adapter
            .requests()
            .insert(
                rich("broken", 1)
                    .moveTo(RequestStatus.FULFILLED, T0.plusSeconds(100), "evasa")
                    .get()));
    right(
        adapter
            .requests()
            .insert(
                rich("sound", 2)
                    .moveTo(RequestStatus.FULFILLED, T0.plusSeconds(101), "evasa")
                    .get()));
    sealedForAnotherRequest("broken", "sound");

    PersistenceAdapter.PurgeReport report =
        right(adapter.purgePersonalData(T0.plus(Duration.ofDays(1))));

    assertThat(report.requests()).isEqualTo(1);
    assertThat(right(adapter.requests().find(new RequestId("sound"))).get().value().reference())
        .isEmpty();
    assertThat(everyColumnOf("broken")).contains("sealed:");
  }

  /** Copies another request's sealed history over a request's: it does not open there. */
  void sealedForAnotherRequest(String id, String other) {
    jdbi()
        .useHandle(handle ->
            handle
                .createUpdate(
                    "UPDATE request SET history_json = (SELECT history_json FROM request"
                        + " WHERE id = :other) WHERE id = :id")
                .bind("id", id)
                .bind("other", other)
                .execute());
  }

  @Test
  void aRowHoldingAStateTheLifecycleNeverReachesIsUnavailable() {
    right(adapter.requests().insert(accepted("processing-unsent")));
    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE request SET status = 'PROCESSING' WHERE id = 'processing-unsent'"));
    right(
        adapter
            .requests()
            .insert(closedAs(accepted("rejected-silently"), 8, RequestStatus.PROCESSING, T0)));
    jdbi()
        .useHandle(handle ->
            handle.execute(
                "UPDATE request SET status = 'REJECTED', outcome_json = NULL"
                    + " WHERE id = 'rejected-silently'"));

    StorageFailure unsent = left(adapter.requests().find(new RequestId("processing-unsent")));
    StorageFailure silent = left(adapter.requests().find(new RequestId("rejected-silently")));

    assertThat(unsent).isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(unsent.message())
        .contains("processing-unsent", "a request PROCESSING must be closed upstream");
    assertThat(silent).isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(silent.message())
        .contains("rejected-silently", "a rejected request needs upstream's verdict");
  }

  @Test
  void idempotencyKeysAreScopedByCallerAndRememberTheBody() {
    RequestId first = new RequestId("idem-1");
    assertThat(right(adapter.idempotency().claim("caller-a", "k", "h1", first)))
        .isEqualTo(new Claim.Claimed(first));
    assertThat(right(adapter.idempotency().claim("caller-a", "k", "h1", new RequestId("idem-2"))))
        .isInstanceOfSatisfying(
            Claim.Replay.class, replay -> assertThat(replay.id()).isEqualTo(first));
    assertThat(right(adapter.idempotency().claim("caller-a", "k", "h2", new RequestId("idem-3"))))
        .isEqualTo(new Claim.Mismatch(first));
    assertThat(right(adapter.idempotency().claim("caller-b", "k", "h2", new RequestId("idem-4"))))
        .isEqualTo(new Claim.Claimed(new RequestId("idem-4")));
  }

  @Test
  void theCatalogueComesBackAsItWasPublished() {
    assertThat(right(adapter.catalogue().loadListing())).isEmpty();
    CatalogSnapshot listing =
        new CatalogSnapshot(
            List.of(
                new CatalogEntry(Fixtures.CERTIFICATE, VISENGINE, "Stato di famiglia", "Anagrafe")),
            T0);
    right(adapter.catalogue().saveListing(listing));
    CatalogSnapshot newer = new CatalogSnapshot(List.empty(), T0.plusSeconds(60));
    right(adapter.catalogue().saveListing(newer));

    FieldSchema schema = FieldSchema.read(defectiveDeclarations(), "$0 && $6 && $7");
    Certificate certificate =
        new Certificate(
            Fixtures.CERTIFICATE,
            VISENGINE,
            "Stato di famiglia",
            "Anagrafe",
            Money.ofCents(1500),
            Money.ZERO,
            false,
            true,
            List.of(new Extra("opzione_0", "urgenza", Money.ofCents(500))),
            schema,
            "Istruzioni",
            "");
    CachedCertificate cached = new CachedCertificate(certificate, T0);

    right(adapter.catalogue().saveCertificate(cached));
    right(adapter.catalogue().saveCertificate(cached));

    // Read by another adapter, so from the rows and not from the first one's memory.
    try (PersistenceAdapter other = PersistenceAdapter.create(settings).get()) {
      assertThat(right(other.catalogue().loadListing())).contains(newer);
      CachedCertificate loaded =
          right(other.catalogue().loadCertificate(Fixtures.CERTIFICATE)).get();
      assertThat(loaded).isEqualTo(cached);
      assertThat(loaded.certificate().schema().warnings()).isNotEmpty();
    }
  }

  /** As the published family-status form: it repeats $6 and requires an undefined $7. */
  private static List<FieldDeclaration> defectiveDeclarations() {
    return List.of(
        new FieldDeclaration(
            "$0",
            "Codice fiscale",
            new FieldType.PersonalTaxCode(),
            "codice_fiscale_persona_fisica",
            false,
            1,
            "16 caratteri"),
        new FieldDeclaration("$6", "Nome", new FieldType.Text(), "testo", false, 6, ""),
        new FieldDeclaration("$6", "Cognome", new FieldType.Text(), "testo", true, 6, ""),
        new FieldDeclaration("$8", "Boh", new FieldType.Unknown(), "tipo_ignoto", true, 8, ""));
  }

  @Test
  void aCertificateStoredWithItsFieldsAsVisenginePublishedThemIsReadByKind() {
    // The form as rows written before fields were stored by kind hold it.
    String stored =
        """
        {"id":"%s","name":"Stato di famiglia","category":"Anagrafe","documentPrice":1500,\
        "searchPrice":0,"hasSearchPhase":false,"synchronous":true,\
        "extras":[{"key":"opzione_0","kind":"urgenza","priceCents":500}],\
        "published":[\
        {"key":"$0","label":"Codice fiscale","tipo":"codice_fiscale_persona_fisica",\
        "mayBeEmpty":false,"order":"1","instructions":"16 caratteri"},\
        {"key":"$6","label":"Nome","tipo":"testo","mayBeEmpty":false,"order":null,\
        "instructions":""},\
        {"key":"$6","label":"Cognome","tipo":"testo","mayBeEmpty":true,"order":"x",\
        "instructions":""},\
        {"key":"$8","label":"Boh","tipo":"tipo_ignoto","mayBeEmpty":true,"order":null,\
        "instructions":""}],\
        "ruleText":"$0 && $6 && $7","instructions":"Istruzioni","searchInstructions":""}\
        """
            .formatted(Fixtures.CERTIFICATE.value());
    cacheAsStored(stored);

    Certificate loaded =
        right(adapter.catalogue().loadCertificate(Fixtures.CERTIFICATE)).get().certificate();

    assertThat(loaded.schema())
        .isEqualTo(FieldSchema.read(defectiveDeclarations(), "$0 && $6 && $7"));
    assertThat(loaded.extras())
        .containsExactly(new Extra("opzione_0", "urgenza", Money.ofCents(500)));
  }

  @Test
  void aCatalogueCachedBeforeItNamedEnginesIsVisengines() {
    jdbi()
        .useHandle(handle ->
            handle
                .createUpdate(
                    "INSERT INTO catalogue_listing (id, entries_json, fetched_at)"
                        + " VALUES (1, :json, :at)")
                .bind(
                    "json",
                    """
                    [{"id":"%s","name":"Stato di famiglia","category":"Anagrafe"}]\
                    """
                        .formatted(Fixtures.CERTIFICATE.value()))
                .bind("at", Database.timestamp(T0))
                .execute());
    cacheAsStored(
        """
        {"id":"%s","name":"Stato di famiglia","category":"Anagrafe","documentPrice":1500,\
        "searchPrice":0,"hasSearchPhase":false,"synchronous":true,"extras":[],\
        "published":[{"key":"$0","label":"Nome","kind":"text","publishedType":"testo",\
        "mayBeEmpty":false,"displayOrder":0,"instructions":""}],\
        "ruleText":"$0","instructions":"","searchInstructions":""}\
        """
            .formatted(Fixtures.CERTIFICATE.value()));

    assertThat(right(adapter.catalogue().loadListing()).get().entries().map(CatalogEntry::engine))
        .containsExactly(VISENGINE);
    assertThat(
            right(adapter.catalogue().loadCertificate(Fixtures.CERTIFICATE))
                .get()
                .certificate()
                .engine())
        .isEqualTo(VISENGINE);
  }

  /** A certificate's row as an earlier version wrote it. */
  void cacheAsStored(String certificateJson) {
    jdbi()
        .useHandle(handle ->
            handle
                .createUpdate(
                    "INSERT INTO catalogue_certificate (certificate_id, certificate_json,"
                        + " fetched_at) VALUES (:id, :json, :at)")
                .bind("id", Fixtures.CERTIFICATE.value())
                .bind("json", certificateJson)
                .bind("at", Database.timestamp(T0))
                .execute());
  }

  @Test
  void aCertificateIsStoredByKindAndKeepsThePublishedTypeName() {
    FieldSchema schema =
        FieldSchema.read(
            List.of(
                new FieldDeclaration(
                    "field0", "Codice fiscale", new FieldType.TaxCode(), "taxCode", false, 0, "")),
            "field0");
    Certificate certificate =
        new Certificate(
            Fixtures.CERTIFICATE,
            VISENGINE,
            "Statuto",
            "Camerali",
            Money.ofCents(490),
            Money.ZERO,
            false,
            false,
            List.empty(),
            schema,
            "",
            "");
    right(adapter.catalogue().saveCertificate(new CachedCertificate(certificate, T0)));

    String stored =
        jdbi()
            .withHandle(handle ->
                handle
                    .createQuery("SELECT certificate_json FROM catalogue_certificate")
                    .mapTo(String.class)
                    .one());

    assertThat(stored)
        .contains("\"kind\":\"tax_code\"", "\"publishedType\":\"taxCode\"")
        .doesNotContain("tipo");
  }

  @Test
  void documentsStreamInAndOutAndAppearOnlyWhenCommitted() throws IOException {
    RequestId id = new RequestId("doc-1");
    DocumentStore.Upload upload = right(adapter.documents().begin(id, "abc.zip"));
    byte[] chunk = "0123456789".getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = upload.stream()) {
      for (int i = 0; i < 1000; i++) {
        out.write(chunk);
      }
    }
    assertThat(right(adapter.documents().open(id))).isEmpty();

    DocumentRef ref = right(upload.commit());

    MessageDigest digest = sha256();
    for (int i = 0; i < 1000; i++) {
      digest.update(chunk);
    }
    assertThat(ref)
        .isEqualTo(new DocumentRef("abc.zip", 10_000, HexFormat.of().formatHex(digest.digest())));
    try (InputStream in = right(adapter.documents().open(id)).get()) {
      assertThat(in.readAllBytes()).hasSize(10_000);
    }

    DocumentStore.Upload aborted = right(adapter.documents().begin(id, "other.zip"));
    aborted.stream().write(1);
    aborted.abort();
    try (InputStream in = right(adapter.documents().open(id)).get()) {
      assertThat(in.readAllBytes()).hasSize(10_000);
    }
    DocumentStore.Upload replacement = right(adapter.documents().begin(id, "new.zip"));
    replacement.stream().write(new byte[] {1, 2, 3});
    assertThat(right(replacement.commit()).sizeBytes()).isEqualTo(3);
    try (InputStream in = right(adapter.documents().open(id)).get()) {
      assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
    }

    assertThat(right(adapter.documents().delete(id))).isTrue();
    assertThat(right(adapter.documents().delete(id))).isFalse();
    assertThat(right(adapter.documents().open(id))).isEmpty();
    try (var leftovers = Files.list(settings.documentsDirectory())) {
      assertThat(leftovers).isEmpty();
    }
  }

  @Test
  void aStoredDocumentIsSealedAndReadableByItsOwnerOnly() throws IOException {
    RequestId id = new RequestId("doc-1");
    byte[] document = "%PDF-1.7 RSSMRA85T10A562S Mario Rossi".getBytes(StandardCharsets.UTF_8);
    DocumentStore.Upload upload = right(adapter.documents().begin(id, "d.zip"));
    upload.stream().write(document);
    right(upload.commit());

    Path file = FileDocumentStore.fileOf(settings.documentsDirectory(), id);
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
        .doesNotContain("RSSMRA")
        .doesNotContain("Mario");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(settings.documentsDirectory())))
        .isEqualTo("rwx------");
    try (InputStream in = right(adapter.documents().open(id)).get()) {
      assertThat(in.readAllBytes()).isEqualTo(document);
    }
  }

  @Test
  void aSealedDocumentMovedToAnotherRequestDoesNotOpen() throws IOException {
    RequestId first = new RequestId("doc-1");
    RequestId second = new RequestId("doc-2");
    DocumentStore.Upload upload = right(adapter.documents().begin(first, "d.zip"));
    upload.stream().write(new byte[] {1, 2, 3});
    right(upload.commit());
    Path directory = settings.documentsDirectory();

    Files.copy(
        FileDocumentStore.fileOf(directory, first), FileDocumentStore.fileOf(directory, second));

    var opened = adapter.documents().open(second);
    // Refusing it on opening or on the first read are both refusals; handing it out is not.
    if (opened.isRight()) {
      try (InputStream in = opened.get().get()) {
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void aDocumentStoredBeforeSealingStillOpensAsItWas() throws IOException {
    RequestId id = new RequestId("doc-1");
    byte[] zip = {'P', 'K', 3, 4, 9, 9, 9};
    Files.write(FileDocumentStore.fileOf(settings.documentsDirectory(), id), zip);

    try (InputStream in = right(adapter.documents().open(id)).get()) {
      assertThat(in.readAllBytes()).isEqualTo(zip);
    }
  }

  @Test
  void theDataKeyFileIsCreatedForItsOwnerOnly() throws IOException {
    Path keyFile =
        ((PersistenceSettings.DataKey.KeptIn) settings.dataKey()).file().toAbsolutePath();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
  }

  @Test
  void givenKeysSealWithoutAKeyFileAndAreNeverPrinted(@TempDir Path elsewhere) {
    DataKeys keys = DataKeys.generate();
    PersistenceSettings fresh = newDatabase(elsewhere);
    PersistenceSettings given =
        fresh.withDataKey(new PersistenceSettings.DataKey.Given(keys.toJson()));
    CertificateRequest request = rich("rich-1", 7);

    try (PersistenceAdapter other = PersistenceAdapter.create(given).get()) {
      other.migrate().get();
      right(other.requests().insert(request));
      assertThat(right(other.requests().find(request.id())).get().value()).isEqualTo(request);
    }

    assertThat(((PersistenceSettings.DataKey.KeptIn) fresh.dataKey()).file()).doesNotExist();
    assertThat(DataKeysTest.secrets(keys)).noneMatch(given.toString()::contains);
    assertThat(
            left(
                PersistenceAdapter.create(
                    settings.withDataKey(new PersistenceSettings.DataKey.Given("not keys")))))
        .isInstanceOf(StorageFailure.Unavailable.class);
  }

  @Test
  void idsThatDifferOnlyInCaseKeepTheirOwnDocuments() throws IOException {
    for (String id : java.util.List.of("abc", "ABC")) {
      DocumentStore.Upload upload = right(adapter.documents().begin(new RequestId(id), "d.zip"));
      upload.stream().write(id.getBytes(StandardCharsets.US_ASCII));
      right(upload.commit());
    }
    try (InputStream in = right(adapter.documents().open(new RequestId("abc"))).get()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abc");
    }
  }

  @Test
  void retentionErasesPersonalDataOfEndedRequestsAndKeepsAnAuditRow() throws IOException {
    CertificateRequest old = rich("old", 1);
    CertificateRequest ended =
        old.moveTo(RequestStatus.FULFILLED, T0.plusSeconds(100), "evasa").get();
    right(adapter.requests().insert(ended));
    DocumentStore.Upload upload = right(adapter.documents().begin(ended.id(), "old.zip"));
    upload.stream().write(new byte[] {1});
    right(upload.commit());
    CertificateRequest open = closedAs(accepted("open"), 2, RequestStatus.PROCESSING, T0);
    right(adapter.requests().insert(open));
    CertificateRequest recent = accepted("recent", "caller-a", T0.plus(Duration.ofDays(30)));
    right(adapter.requests().insert(recent.cancel("no", recent.createdAt()).get()));
    right(adapter.idempotency().claim("caller-a", "old-key", "h", ended.id()));

    PersistenceAdapter.PurgeReport report =
        right(adapter.purgePersonalData(T0.plus(Duration.ofDays(1))));

    assertThat(report.requests()).isEqualTo(1);
    assertThat(report.documents()).isEqualTo(1);
    Stored<CertificateRequest> audit = right(adapter.requests().find(ended.id())).get();
    assertThat(audit.version()).isEqualTo(1);
    CertificateRequest kept = audit.value();
    assertThat(kept.submission().values()).isEmpty();
    assertThat(kept.reference()).isEmpty();
    assertThat(kept.notifyEmail()).isEmpty();
    assertThat(kept.searches()).isEmpty();
    assertThat(kept.history().map(change -> change.note())).allMatch(String::isEmpty);
    assertThat(kept.history().map(change -> change.status()))
        .isEqualTo(ended.history().map(change -> change.status()));
    assertThat(kept.outcome().map(Outcome::message)).contains("");
    assertThat(kept.status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(kept.submission().quote()).isEqualTo(ended.submission().quote());
    assertThat(kept.createdAt()).isEqualTo(ended.createdAt());
    assertThat(kept.document()).isEqualTo(ended.document());
    assertThat(right(adapter.documents().open(ended.id()))).isEmpty();
    int values =
        jdbi()
            .withHandle(handle ->
                handle
                    .createQuery("SELECT count(*) FROM request_values WHERE request_id = 'old'")
                    .mapTo(Integer.class)
                    .one());
    assertThat(values).isZero();
    assertThat(left(adapter.requests().update(ended.withUpstreamUpdatedAt(T0), 0)))
        .isInstanceOf(StorageFailure.StaleWrite.class);
    assertThat(right(adapter.requests().find(open.id())).get().value()).isEqualTo(open);
    assertThat(right(adapter.requests().find(recent.id())).get().value().submission().values())
        .isNotEmpty();
    assertThat(right(adapter.idempotency().claim("caller-a", "old-key", "h", new RequestId("x"))))
        .isEqualTo(new Claim.Claimed(new RequestId("x")));
    assertThat(right(adapter.purgePersonalData(T0.plus(Duration.ofDays(1)))).requests()).isZero();

    // An erased request can still move on; its values stay erased.
    Stored<CertificateRequest> touched =
        right(adapter.requests().update(kept.withUpstreamUpdatedAt(T0.plusSeconds(1)), 1));
    assertThat(right(adapter.requests().find(ended.id()))).contains(touched);
    assertThat(touched.value().submission().values()).isEmpty();
  }

  @Test
  void anErasedRequestsRowsHoldNoPersonalValue() {
    CertificateRequest ended =
        rich("erased", 1).moveTo(RequestStatus.FULFILLED, T0.plusSeconds(100), "evasa").get();
    right(adapter.requests().insert(ended));

    right(adapter.purgePersonalData(T0.plus(Duration.ofDays(1))));

    java.util.Map<String, Object> audit =
        jdbi()
            .withHandle(handle ->
                handle.createQuery("SELECT * FROM request WHERE id = 'erased'").mapToMap().one());
    // What was requested, by whom, when, at what price and how it went stays for the audit.
    assertThat(audit)
        .containsEntry("certificate_id", Fixtures.CERTIFICATE.value())
        .containsEntry("status", "FULFILLED")
        .containsEntry("caller", "caller-a")
        // SQLite answers a small integer as an Integer, the others a BIGINT as a Long.
        .hasEntrySatisfying(
            "total_cents",
            cents ->
                assertThat(((Number) cents).longValue())
                    .isEqualTo(ended.submission().quote().total().cents()));
    assertThat(audit.get("purged_at")).isNotNull();
    String stored = audit.values().toString();
    for (String personal :
        java.util.List.of(
            "RSSMRA80A01H501U",
            "Mario",
            "Rossi",
            "pratica-42",
            "mario.rossi@example.it",
            "Roma",
            "Milano",
            "Ricerca evasa")) {
      assertThat(stored).doesNotContain(personal);
    }
  }

  @Test
  void theRetentionPeriodOfTheSettingsSetsWhatExpires() {
    CertificateRequest longAgo = accepted("long-ago", "caller-a", T0.minus(Duration.ofDays(400)));
    right(adapter.requests().insert(longAgo.cancel("no", longAgo.createdAt()).get()));
    CertificateRequest lately = accepted("lately", "caller-a", T0.minus(Duration.ofDays(300)));
    right(adapter.requests().insert(lately.cancel("no", lately.createdAt()).get()));

    PersistenceAdapter.PurgeReport report = right(adapter.purgeExpired());

    assertThat(settings.retention()).isEqualTo(PersistenceSettings.DEFAULT_RETENTION);
    assertThat(report.requests()).isEqualTo(1);
    assertThat(right(adapter.requests().find(longAgo.id())).get().value().submission().values())
        .isEmpty();
    assertThat(right(adapter.requests().find(lately.id())).get().value().submission().values())
        .isNotEmpty();
  }

  @Test
  void badSettingsAreFailuresNotExceptions() {
    assertThat(
            left(
                PersistenceAdapter.create(
                    new PersistenceSettings(
                        "jdbc:mysql://localhost/x",
                        "u",
                        "p",
                        2,
                        directory,
                        Duration.ofDays(1),
                        new PersistenceSettings.DataKey.KeptIn(directory.resolve("k"))))))
        .isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(
            left(
                PersistenceAdapter.create(
                    PersistenceSettings.postgres(
                        "jdbc:postgresql://127.0.0.1:1/none", "u", "secret", directory))))
        .isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(settings.withRetention(Duration.ofDays(2)).toString()).doesNotContain("secret");
  }

  /**
   * Closed upstream, through a search with candidates and a selection, with a verdict and the
   * document.
   */
  static CertificateRequest rich(String id, long upstream) {
    Instant at = T0.plusSeconds(10);
    CertificateRequest searching = closedAs(accepted(id), upstream, RequestStatus.SEARCHING, at);
    SearchRound round =
        new SearchRound(
            Fixtures.upstream(upstream) + "_1",
            SearchRound.State.COMPLETED,
            List.of(
                new SearchCandidate(0, TreeMap.of("Indirizzo.Comune", "Roma", "Foglio", "12")),
                new SearchCandidate(1, TreeMap.of("Indirizzo.Comune", "Milano"))));
    return searching
        .withSearches(List.of(round), at.plusSeconds(1))
        .flatMap(
            r -> r.moveTo(RequestStatus.AWAITING_SELECTION, at.plusSeconds(2), "Ricerca evasa"))
        .flatMap(r -> r.select(round.searchId(), 1, at.plusSeconds(3)))
        .flatMap(r -> r.moveTo(RequestStatus.PROCESSING, at.plusSeconds(4), ""))
        .flatMap(r -> r.moveTo(RequestStatus.DATA_AVAILABLE, at.plusSeconds(4), ""))
        .map(r -> r.withOutcome(new Outcome("0", "Tutto bene, Mario"), at.plusSeconds(5)))
        .flatMap(r ->
            r.attachDocument(
                new DocumentRef(id + ".zip", 1234, "ab".repeat(32)), at.plusSeconds(6)))
        .get()
        .withUpstreamUpdatedAt(at.plusSeconds(7));
  }

  static PageRequest page(Option<PageRequest.Position> after, int limit) {
    return new PageRequest(after, limit);
  }

  static List<String> ids(Page<CertificateRequest> page) {
    return page.items().map(request -> request.id().value());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

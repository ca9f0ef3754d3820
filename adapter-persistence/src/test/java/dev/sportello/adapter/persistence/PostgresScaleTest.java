package dev.sportello.adapter.persistence;

import static dev.sportello.adapter.persistence.Fixtures.T0;
import static dev.sportello.adapter.persistence.Fixtures.accepted;
import static dev.sportello.adapter.persistence.Fixtures.closedAs;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import dev.sportello.application.port.out.Page;
import dev.sportello.application.port.out.PageRequest;
import dev.sportello.application.port.out.RequestFilter;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.DocumentRef;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapstruct.factory.Mappers;

/**
 * The listing and sync queries over many stored requests on PostgreSQL: a benchmark that prints its
 * figures (it asserts no time), and a check that each query's plan reads its index, never the whole
 * request table. The default run stores 20 000 requests; a million take a few minutes:
 *
 * <pre>
 * ./mvnw -o -pl adapter-persistence -am verify -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=PostgresScaleTest -Dsportello.scale=1000000
 * </pre>
 *
 * <p>The figures and plans go to {@code target/surefire-reports/*PostgresScaleTest-output.txt}, on
 * lines that start with {@code [scale]}. The requests are copied in one statement from templates
 * stored through the adapter, one per state; the mix is what a long-running service holds: nearly
 * every request has ended, and a few in a thousand are still in flight, which is all the sync
 * queries should ever read.
 */
class PostgresScaleTest {
  static final int COUNT = Integer.getInteger("sportello.scale", 20_000);
  static final int CALLERS = 50;
  static final int PAGE = 50;

  /** Long enough for the JIT to compile the mapping code, so that the runs time steady work. */
  static final Duration WARM_UP = Duration.ofMillis(1500);

  static final int RUNS = 21;

  /** The templates' upstream ids, far above those of the copies. */
  static final long TEMPLATE_UPSTREAM = 1L << 60;

  /**
   * Per thousand requests, cumulative: which template the n-th request copies. Callers are drawn by
   * a hash of n, so that each caller gets the same mix.
   */
  static final String MIX =
      "CASE WHEN n % 1000 < 2 THEN 'template-accepted'"
          + " WHEN n % 1000 < 3 THEN 'template-drafted'"
          + " WHEN n % 1000 < 13 THEN 'template-processing'"
          + " WHEN n % 1000 < 15 THEN 'template-available'"
          + " WHEN n % 1000 < 17 THEN 'template-unfetched'"
          + " WHEN n % 1000 < 67 THEN 'template-rejected'"
          + " WHEN n % 1000 < 100 THEN 'template-cancelled'"
          + " ELSE 'template-fulfilled' END";

  @TempDir static Path directory;
  static PersistenceSettings settings;
  static PersistenceAdapter adapter;

  @BeforeAll
  static void storeManyRequests() {
    settings = EmbeddedPostgresServer.newDatabase(directory);
    adapter = new OpenAdapters().opened(settings);
    JsonMapping json = Mappers.getMapper(JsonMapping.class);
    for (CertificateRequest template : templates()) {
      right(adapter.requests().insert(template));
      // Sealed columns open only in the row they were sealed for, so the templates that are copied
      // below hold the plain JSON of rows written before sealing, which is read the same way.
      var values = new java.util.LinkedHashMap<String, String>();
      template.submission().values().forEach((key, value) -> values.put(key.toString(), value));
      jdbi()
          .useHandle(handle -> {
            handle
                .createUpdate(
                    "UPDATE request SET searches_json = :searches, history_json = :history,"
                        + " outcome_json = :outcome, reference = :reference,"
                        + " notify_email = :email, reference_lookup = NULL WHERE id = :id")
                .bind("searches", Json.write(json.searches(template.searches())))
                .bind("history", Json.write(json.history(template.history())))
                .bind("outcome", template.outcome().map(json::outcome).map(Json::write).getOrNull())
                .bind("reference", template.reference().getOrNull())
                .bind("email", template.notifyEmail().getOrNull())
                .bind("id", template.id().value())
                .execute();
            handle
                .createUpdate(
                    "UPDATE request_values SET values_json = :values WHERE request_id = :id")
                .bind("values", Json.write(values))
                .bind("id", template.id().value())
                .execute();
          });
    }
    jdbi()
        .useHandle(handle -> {
          long start = System.nanoTime();
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO request (id, caller, certificate_id, engine, certificate_name,"
                          + " status, dispatch_kind, close_attempts, upstream_id, reference, notify_email,"
                          + " extras_json, quote_json, total_cents, history_json, searches_json,"
                          + " selection_json, outcome_json, document_name, document_size,"
                          + " document_sha256, has_document, upstream_updated_at, created_at,"
                          + " updated_at, version)"
                          + " SELECT 'scale-' || lpad(n::text, 7, '0'), 'caller-' || abs(hashint4(n)::bigint) % :callers,"
                          + " t.certificate_id, t.engine, t.certificate_name, t.status,"
                          + " t.dispatch_kind,"
                          + " t.close_attempts, CASE WHEN t.upstream_id IS NULL THEN NULL"
                          + " ELSE lpad(to_hex(n), 24, '0') END, t.reference, t.notify_email,"
                          + " t.extras_json, t.quote_json, t.total_cents, t.history_json,"
                          + " t.searches_json, t.selection_json, t.outcome_json, t.document_name,"
                          + " t.document_size, t.document_sha256, t.has_document,"
                          + " t.upstream_updated_at, CAST(:start AS TIMESTAMP WITH TIME ZONE) + n * interval"
                          + " '1 second', CAST(:start AS TIMESTAMP WITH TIME ZONE) + n * interval"
                          + " '1 second', 0"
                          + " FROM generate_series(1, :count) AS n JOIN request t ON t.id = "
                          + MIX)
                  .bind("callers", CALLERS)
                  .bind("count", COUNT)
                  .bind("start", Database.timestamp(T0))
                  .execute();
          handle.execute(
              "INSERT INTO request_values (request_id, values_json) SELECT r.id, v.values_json"
                  + " FROM request r JOIN request_values v ON v.request_id = 'template-accepted'"
                  + " WHERE r.caller <> 'template'");
          handle.execute("DELETE FROM request WHERE caller = 'template'");
          long loaded = System.nanoTime();
          // What autovacuum does to a table that grew: statistics for the planner, and the
          // visibility map that lets the covering index answer alone.
          handle.execute("VACUUM (ANALYZE) request");
          handle.execute("VACUUM (ANALYZE) request_values");
          long analysed = System.nanoTime();
          report(
              "inserted %,d requests with their values in %,d ms; vacuum and analyze %,d ms",
              inserted, millis(loaded - start), millis(analysed - loaded));
          assertThat(inserted).isEqualTo(COUNT);
        });
  }

  @AfterAll
  static void close() {
    adapter.close();
  }

  @Test
  void aCallersFirstPageReadsTheCallerIndex() {
    RequestFilter filter = RequestFilter.all("caller-7");
    PageRequest first = new PageRequest(Option.none(), PAGE);

    assertThat(explainList(filter, first)).contains("request_caller_created_ix");
    Page<CertificateRequest> page = timed("list, first page", () -> list(filter, first));
    assertThat(page.items()).hasSize(Math.min(PAGE, COUNT / CALLERS));
  }

  @Test
  void aDeepPageSeeksToItsCursorInTheIndex() {
    RequestFilter filter = RequestFilter.all("caller-7");
    PageRequest deep = new PageRequest(Option.some(middleOf("caller-7")), PAGE);

    // The cursor is an index condition: the scan starts at it instead of skipping what precedes.
    assertThat(explainList(filter, deep))
        .contains("request_caller_created_ix")
        .containsPattern("Index Cond: .*ROW\\(created_at, \\(id\\)::text\\) < ROW");
    Page<CertificateRequest> page = timed("list, page in the middle", () -> list(filter, deep));
    assertThat(page.items()).isNotEmpty();
    assertThat(page.items().head().createdAt()).isBefore(deep.after().get().createdAt());
  }

  @Test
  void aListingFilteredByStatusReadsTheCallerStatusIndex() {
    RequestFilter filter =
        new RequestFilter(
            "caller-7", Option.some(RequestStatus.CANCELLED), Option.none(), Option.none());
    PageRequest first = new PageRequest(Option.none(), PAGE);

    assertThat(explainList(filter, first)).contains("request_caller_status_created_ix");
    Page<CertificateRequest> page = timed("list cancelled, first page", () -> list(filter, first));
    assertThat(page.items()).isNotEmpty().allMatch(r -> r.status() == RequestStatus.CANCELLED);
  }

  @Test
  void requestsAwaitingDispatchComeFromTheirPartialIndex() {
    assertThat(explain(JdbcRequestRepository.AWAITING_DISPATCH, query -> query.bind("limit", 100)))
        .contains("request_awaiting_dispatch_ix");
    var found =
        timed("awaitingDispatch(100)", () -> right(adapter.requests().awaitingDispatch(100)));
    assertThat(found).hasSize(Math.min(100, inFlight(0, 3)));
  }

  @Test
  void requestsOpenUpstreamComeFromTheirCoveringIndex() {
    assertThat(explain(JdbcRequestRepository.OPEN_UPSTREAM, UnaryOperator.identity()))
        .contains("Index Only Scan using request_open_upstream_ix");
    var found = timed("openUpstream()", () -> right(adapter.requests().openUpstream()));
    assertThat(found).hasSize(inFlight(2, 15));
  }

  @Test
  void requestsAwaitingTheirDocumentComeFromTheirPartialIndex() {
    assertThat(explain(JdbcRequestRepository.AWAITING_DOCUMENT, query -> query.bind("limit", 100)))
        .contains("request_awaiting_document_ix");
    var found =
        timed("awaitingDocument(100)", () -> right(adapter.requests().awaitingDocument(100)));
    assertThat(found).hasSize(Math.min(100, inFlight(13, 17)));
  }

  /** The requests whose place in each thousand is in [from, to). */
  static int inFlight(int from, int to) {
    int count = 0;
    for (int n = 1; n <= COUNT; n++) {
      count += n % 1000 >= from && n % 1000 < to ? 1 : 0;
    }
    return count;
  }

  static java.util.List<CertificateRequest> templates() {
    DocumentRef document = new DocumentRef("visura.pdf", 52_000, "ab".repeat(32));
    return java.util.List.of(
        accepted("template-accepted", "template", T0),
        accepted("template-drafted", "template", T0)
            .recordDraft(Fixtures.upstream(TEMPLATE_UPSTREAM + 1), T0)
            .get(),
        closedAs(
                accepted("template-processing", "template", T0),
                TEMPLATE_UPSTREAM + 2,
                RequestStatus.PROCESSING,
                T0)
            .withUpstreamUpdatedAt(T0),
        closedAs(
            accepted("template-available", "template", T0),
            TEMPLATE_UPSTREAM + 3,
            RequestStatus.DATA_AVAILABLE,
            T0),
        closedAs(
            accepted("template-unfetched", "template", T0),
            TEMPLATE_UPSTREAM + 4,
            RequestStatus.FULFILLED,
            T0),
        closedAs(
                accepted("template-fulfilled", "template", T0),
                TEMPLATE_UPSTREAM + 5,
                RequestStatus.FULFILLED,
                T0)
            .attachDocument(document, T0)
            .get(),
        closedAs(
                accepted("template-rejected", "template", T0),
                TEMPLATE_UPSTREAM + 6,
                RequestStatus.PROCESSING,
                T0)
            .reject(new Outcome("E12", "Dati non corrispondenti"), T0)
            .get(),
        accepted("template-cancelled", "template", T0).cancel("withdrawn", T0).get());
  }

  static Page<CertificateRequest> list(RequestFilter filter, PageRequest page) {
    return right(adapter.requests().list(filter, page));
  }

  /** The (creation time, id) halfway down a caller's listing. */
  static PageRequest.Position middleOf(String caller) {
    return jdbi()
        .withHandle(handle ->
            handle
                .createQuery(
                    "SELECT created_at, id FROM request WHERE caller = :caller"
                        + " ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT 1")
                .bind("caller", caller)
                .bind("offset", COUNT / CALLERS / 2)
                .map((rs, ctx) ->
                    new PageRequest.Position(
                        Database.requiredInstant(rs, ctx, "created_at"),
                        new RequestId(RequestRow.required(rs, "id"))))
                .one());
  }

  static String explainList(RequestFilter filter, PageRequest page) {
    return explain(
        JdbcRequestRepository.listSql(filter, page, 0),
        query -> JdbcRequestRepository.bindList(query, filter, page, java.util.List.of()));
  }

  /** The plan PostgreSQL ran the query with; it never reads the whole request table. */
  static String explain(String sql, UnaryOperator<Query> bind) {
    String plan =
        jdbi()
            .withHandle(handle ->
                String.join(
                    "\n",
                    bind.apply(handle.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql))
                        .mapTo(String.class)
                        .list()));
    report("plan of %s%n%s", sql, plan);
    assertThat(plan).doesNotContainPattern("Seq Scan on request(?!_)");
    return plan;
  }

  /** Runs the call to warm up, then times it; prints the median and the 90th percentile. */
  static <T> T timed(String name, Supplier<T> call) {
    T result = call.get();
    for (long warm = System.nanoTime() + WARM_UP.toNanos(); System.nanoTime() < warm; ) {
      result = call.get();
    }
    long[] nanos = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      result = call.get();
      nanos[run] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    report(
        "%s over %,d requests: median %.2f ms, 90th percentile %.2f ms (%d runs)",
        name, COUNT, nanos[RUNS / 2] / 1e6, nanos[RUNS * 9 / 10] / 1e6, RUNS);
    return result;
  }

  static Jdbi jdbi() {
    return Database.speaking(
        Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password()), Dialect.POSTGRESQL);
  }

  static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  @FormatMethod
  static void report(@FormatString String format, Object... values) {
    System.out.println("[scale] " + String.format(Locale.ROOT, format, values));
  }
}

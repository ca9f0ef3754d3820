package dev.sportello.benchmarks;

import dev.sportello.adapter.persistence.PersistenceAdapter;
import dev.sportello.adapter.persistence.PersistenceSettings;
import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.application.testing.CountingCallObserver;
import dev.sportello.application.testing.FakeVisengine;
import dev.sportello.application.testing.MutableClock;
import dev.sportello.application.testing.RecordingRequestEvents;
import dev.sportello.application.testing.SequentialRequestIds;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

/**
 * How much a sync cycle costs with many open requests in PostgreSQL: the real persistence adapter
 * on an embedded PostgreSQL, the in-memory Visengine as upstream (so that the time is ours, not the
 * network's). It stores {@code open} requests (100 000 unless given), each closed upstream and in
 * processing, then times five cycles in which nothing changed and one in which 1% moved on.
 *
 * <p>CPU time is the cycle thread's (the service's own work: the list, reading the open requests,
 * comparing); PostgreSQL's own CPU is not in it, but is in the wall time.
 */
public final class SyncCycleScale {
  private SyncCycleScale() {}

  public static void main(String[] args) throws IOException {
    int open = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path directory = Files.createTempDirectory("sync-cycle-scale");
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            // Only the loading is sped up by this; the cycles read.
            .setServerConfig("synchronous_commit", "off")
            .start()) {
      PersistenceAdapter store =
          success(
              PersistenceAdapter.create(
                  PersistenceSettings.postgres(
                      postgres.getJdbcUrl("postgres", "postgres"),
                      "postgres",
                      "",
                      directory.resolve("documents"))));
      success(store.migrate());
      MutableClock clock = MutableClock.atTestEpoch();
      FakeVisengine upstream = new FakeVisengine(clock);
      Certificate certificate = TestData.certificate();
      upstream.register(certificate);

      long loading = System.nanoTime();
      var upstreamIds = new ArrayList<UpstreamId>(open);
      for (int n = 0; n < open; n++) {
        UpstreamId id =
            success(
                    upstream.createDraft(
                        new RemoteOrder(
                            certificate.id(),
                            TreeMap.of(new FieldKey("$0"), "x"),
                            List.empty(),
                            Option.none(),
                            Option.none())))
                .upstreamId();
        var closed = success(upstream.close(id));
        var at = clock.instant();
        CertificateRequest request =
            success(
                    TestData.accepted("scale_" + n, "scale", certificate, at)
                        .recordDraft(id, at)
                        .flatMap(drafted -> drafted.recordCloseAttempt(at))
                        .flatMap(attempted -> attempted.recordClosed(at))
                        .flatMap(stored -> stored.moveTo(closed.status(), at, "")))
                .withUpstreamUpdatedAt(closed.lastUpdate());
        success(store.requests().insert(request));
        upstreamIds.add(id);
      }
      System.out.printf(
          Locale.ROOT,
          "stored %d open requests in %d s%n",
          open,
          Duration.ofNanos(System.nanoTime() - loading).toSeconds());

      UseCases useCases =
          UseCases.create(
              new ApplicationPorts(
                  List.of(Upstream.of(certificate.engine(), upstream)),
                  store.requests(),
                  store.idempotency(),
                  store.spending(),
                  store.catalogue(),
                  store.documents(),
                  new RecordingRequestEvents(),
                  new CountingCallObserver(),
                  store.syncLock(),
                  new SequentialRequestIds(),
                  clock),
              new ApplicationSettings(
                  ValuePolicy.defaults(),
                  ApplicationSettings.DEFAULT_CATALOG_TTL,
                  Option.none(),
                  TestApplication.SECRET,
                  100));
      for (int cycle = 1; cycle <= 5; cycle++) {
        time(useCases, clock, "unchanged, cycle " + cycle);
      }
      for (int n = 0; n < open; n += 100) {
        upstream.advance(upstreamIds.get(n), RequestStatus.DATA_AVAILABLE);
      }
      time(useCases, clock, "1% moved on upstream");
      store.close();
    }
  }

  private static void time(UseCases useCases, MutableClock clock, String label) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    clock.advance(Duration.ofMinutes(1));
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    SyncReport report = success(useCases.synchronise().synchronise());
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
    long wallMillis = (System.nanoTime() - wall) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "sync cycle, %s: CPU %d ms, wall %d ms, %d changed, %d documents, upstream calls %s%n",
        label,
        cpuMillis,
        wallMillis,
        report.changed().size(),
        report.documentsStored().size(),
        report.remoteCalls());
  }

  private static <L, R> R success(Either<L, R> result) {
    return result.getOrElseThrow(error -> new IllegalStateException(String.valueOf(error)));
  }
}

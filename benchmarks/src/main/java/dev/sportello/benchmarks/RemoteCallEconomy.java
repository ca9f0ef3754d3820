package dev.sportello.benchmarks;

import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

/**
 * Counts the upstream calls the application makes, through the in-memory Visengine that counts
 * every call by kind: how many a fulfilled request of a product without a search phase costs, and
 * how many list calls a sync cycle makes while many requests are open.
 *
 * <p>It orders the family-status certificate through the submit use case {@code requests} times (10
 * 000 unless given as the first argument), runs a sync cycle while all are open upstream, then has
 * upstream fulfil them all and runs cycles until every document is stored.
 */
public final class RemoteCallEconomy {
  private RemoteCallEconomy() {}

  public static void main(String[] args) {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    // One cycle may download every document, so that cycles are counted, not batches.
    TestApplication app = TestApplication.builder().batchSize(requests).build();
    app.visengine().register(SeedCertificates.familyStatus());

    var upstreamIds = new ArrayList<UpstreamId>(requests);
    for (int n = 0; n < requests; n++) {
      var input =
          new SubmissionInput(
              SeedCertificates.FAMILY_STATUS_ID,
              SeedCertificates.familyStatusValues(),
              List.empty(),
              Option.none(),
              Option.none());
      CertificateRequest request =
          success(
              app.useCases()
                  .submitRequest()
                  .submit(new SubmitRequestCommand("alice", "k" + n, input)));
      upstreamIds.add(request.upstreamId().getOrElseThrow(() -> fail("not dispatched")));
    }
    Map<RemoteCallKind, Long> afterSubmission = app.useCases().remoteCalls();

    SyncReport whileOpen = cycle(app);
    long listCallsWhileOpen = whileOpen.remoteCalls().get("LIST").getOrElse(0);
    long otherCallsWhileOpen =
        whileOpen.remoteCalls().filterKeys(kind -> !kind.equals("LIST")).values().sum().longValue();

    upstreamIds.forEach(id -> app.visengine().advance(id, RequestStatus.FULFILLED));
    int cycles = 0;
    long listCalls = 0;
    int stored = 0;
    while (stored < requests && cycles < 10) {
      SyncReport report = cycle(app);
      cycles++;
      listCalls += report.remoteCalls().get("LIST").getOrElse(0);
      stored += report.documentsStored().size();
    }
    Map<RemoteCallKind, Long> total = app.useCases().remoteCalls();
    long perRequest =
        List.of(
                RemoteCallKind.DRAFT,
                RemoteCallKind.CLOSE,
                RemoteCallKind.STATUS,
                RemoteCallKind.DOCUMENT,
                RemoteCallKind.TEST)
            .map(kind -> total.get(kind).getOrElse(0L))
            .sum()
            .longValue();

    System.out.printf(
        Locale.ROOT,
        "requests ordered: %d (family-status certificate, no search phase)%n"
            + "calls while ordering: %s%n"
            + "sync cycle with %d open requests: %d list call(s), %d other call(s)%n"
            + "after upstream fulfilled all: %d cycle(s), %d list call(s), %d documents stored%n"
            + "all calls: %s%n"
            + "per-request calls (draft, close, status, document, test) per fulfilled request:"
            + " %.3f (target 3)%n"
            + "shared calls: describe %d, catalogue %d, list %d over %d cycles%n"
            + "charges upstream: %d for %d requests%n",
        requests,
        counts(afterSubmission),
        requests,
        listCallsWhileOpen,
        otherCallsWhileOpen,
        cycles,
        listCalls,
        stored,
        counts(total),
        (double) perRequest / stored,
        total.get(RemoteCallKind.DESCRIBE).getOrElse(0L),
        total.get(RemoteCallKind.CATALOGUE).getOrElse(0L),
        total.get(RemoteCallKind.LIST).getOrElse(0L),
        cycles + 1,
        app.visengine().totalCharges(),
        requests);
  }

  /** The kinds that were called, in the order of {@link RemoteCallKind}. */
  private static String counts(Map<RemoteCallKind, Long> calls) {
    return List.of(RemoteCallKind.values())
        .filter(kind -> calls.get(kind).getOrElse(0L) > 0)
        .map(kind -> kind + " " + calls.get(kind).get())
        .mkString(", ");
  }

  private static SyncReport cycle(TestApplication app) {
    app.clock().advance(Duration.ofMinutes(1));
    return success(app.useCases().synchronise().synchronise());
  }

  private static <L, R> R success(Either<L, R> result) {
    return result.getOrElseThrow(error -> fail("expected a success, got " + error));
  }

  private static IllegalStateException fail(String message) {
    return new IllegalStateException(message);
  }
}

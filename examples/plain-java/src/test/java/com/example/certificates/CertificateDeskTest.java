package com.example.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.service.ApplicationPorts;
import dev.sportello.application.service.ApplicationSettings;
import dev.sportello.application.service.UseCases;
import dev.sportello.application.testing.CountingCallObserver;
import dev.sportello.application.testing.FakeVisengine;
import dev.sportello.application.testing.InMemoryCatalogSnapshotStore;
import dev.sportello.application.testing.InMemoryDocumentStore;
import dev.sportello.application.testing.InMemoryIdempotencyStore;
import dev.sportello.application.testing.InMemoryRequestRepository;
import dev.sportello.application.testing.InMemorySpendingLedger;
import dev.sportello.application.testing.RecordingRequestEvents;
import dev.sportello.application.testing.SequentialRequestIds;
import dev.sportello.application.testing.SingleInstanceSyncLock;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our desk, run on Sportello's in-memory fakes: no network, no database, no waiting. */
class CertificateDeskTest {
  private final Certificate certificate = TestData.certificate();
  private final SubmissionInput input =
      new SubmissionInput(
          certificate.id().value(),
          HashMap.of("$0", "Mario Rossi"),
          List.empty(),
          Option.some("employee-42"),
          Option.none());

  private FakeVisengine visengine;
  private UseCases useCases;
  private CertificateDesk desk;

  @TempDir Path folder;

  @BeforeEach
  void wireTheUseCasesToTheFakes() {
    Clock clock = Clock.systemUTC();
    visengine = new FakeVisengine(clock).register(certificate);
    useCases =
        UseCases.create(
            new ApplicationPorts(
                List.of(Upstream.of(TestData.ENGINE, visengine)),
                new InMemoryRequestRepository(),
                new InMemoryIdempotencyStore(clock),
                new InMemorySpendingLedger(),
                new InMemoryCatalogSnapshotStore(),
                new InMemoryDocumentStore(),
                new RecordingRequestEvents(),
                new CountingCallObserver(),
                new SingleInstanceSyncLock(),
                new SequentialRequestIds(),
                clock),
            ApplicationSettings.defaults("a secret of at least thirty-two characters"));
    desk = new CertificateDesk(useCases, "payroll", Duration.ZERO);
  }

  @Test
  void aFulfilledOrderIsSavedWithTheDocumentUpstreamIssued() throws Exception {
    CertificateRequest ordered = desk.order("employee-42-residence", input).get();
    visengine.advance(ordered.upstreamId().get(), RequestStatus.FULFILLED);
    useCases.synchronise().synchronise().get();

    CertificateRequest settled = desk.awaitSettled(ordered.id(), Duration.ofSeconds(5)).get();
    Path saved = folder.resolve("residence.zip");
    desk.saveDocument(ordered.id(), saved).get();

    assertThat(settled.status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(saved).hasContent("document of " + ordered.upstreamId().get());
  }

  @Test
  void orderingAgainUnderTheSameKeyGivesTheSameRequestAndNoSecondCharge() {
    CertificateRequest first = desk.order("employee-42-residence", input).get();
    CertificateRequest again = desk.order("employee-42-residence", input).get();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(visengine.totalCharges()).isEqualTo(1);
  }

  @Test
  void waitingGivesUpAtTheLimitWithTheRequestAsItStands() throws Exception {
    CertificateRequest ordered = desk.order("employee-42-residence", input).get();

    CertificateRequest waited = desk.awaitSettled(ordered.id(), Duration.ZERO).get();

    assertThat(waited.status()).isEqualTo(RequestStatus.PROCESSING);
  }
}

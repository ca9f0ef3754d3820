package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.Upstream;
import dev.sportello.application.testing.CountingCallObserver;
import dev.sportello.application.testing.FakeVisengine;
import dev.sportello.application.testing.InMemoryCatalogSnapshotStore;
import dev.sportello.application.testing.InMemoryDocumentStore;
import dev.sportello.application.testing.InMemoryIdempotencyStore;
import dev.sportello.application.testing.InMemoryRequestRepository;
import dev.sportello.application.testing.MutableClock;
import dev.sportello.application.testing.RecordingRequestEvents;
import dev.sportello.application.testing.SequentialRequestIds;
import dev.sportello.application.testing.SingleInstanceSyncLock;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.field.ValuePolicy;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One application over two engines: each certificate and request is served by its own. */
class TwoEnginesTest {
  private static final Engine DOCUENGINE = new Engine("docuengine");
  private static final Certificate COMPANY_REPORT = TestData.certificate();
  private static final Certificate FAMILY_STATUS =
      onEngine(TestData.certificate("Stato di famiglia", "Anagrafe", false), DOCUENGINE);

  private final MutableClock clock = MutableClock.atTestEpoch();
  private final FakeVisengine visengine = new FakeVisengine(clock).register(COMPANY_REPORT);
  private final FakeVisengine docuengine = new FakeVisengine(clock).register(FAMILY_STATUS);
  private final RecordingRequestEvents events = new RecordingRequestEvents();
  private final InMemoryRequestRepository repository = new InMemoryRequestRepository();

  private UseCases useCases(List<Upstream> upstreams) {
    return UseCases.create(
        new ApplicationPorts(
            upstreams,
            repository,
            new InMemoryIdempotencyStore(clock),
            new InMemoryCatalogSnapshotStore(),
            new InMemoryDocumentStore(),
            events,
            new CountingCallObserver(),
            new SingleInstanceSyncLock(),
            new SequentialRequestIds(),
            clock),
        new ApplicationSettings(
            ValuePolicy.defaults(),
            ApplicationSettings.DEFAULT_CATALOG_TTL,
            Option.some("https://hooks.example/webhooks"),
            "a secret of at least thirty-two characters",
            100));
  }

  private final UseCases both =
      useCases(
          List.of(Upstream.of(TestData.ENGINE, visengine), Upstream.of(DOCUENGINE, docuengine)));

  @Test
  void theCatalogueListsTheCertificatesOfBothEnginesEachWithItsEngine() {
    List<CatalogEntry> entries =
        right(both.browseCatalog().browse(BrowseCatalogQuery.everything()));

    assertThat(entries.map(entry -> entry.name() + "@" + entry.engine()))
        .containsExactlyInAnyOrder(
            COMPANY_REPORT.name() + "@visengine", FAMILY_STATUS.name() + "@docuengine");
  }

  @Test
  void theCatalogueFiltersByEngine() {
    List<CatalogEntry> entries =
        right(
            both.browseCatalog()
                .browse(
                    new BrowseCatalogQuery(Option.none(), Option.none(), Option.some(DOCUENGINE))));

    assertThat(entries.map(CatalogEntry::id)).containsExactly(FAMILY_STATUS.id());
  }

  @Test
  void aCertificateIsDescribedByItsOwnEngine() {
    assertThat(
            right(both.describeCertificate().describe(FAMILY_STATUS.id())).certificate().engine())
        .isEqualTo(DOCUENGINE);
  }

  @Test
  void anOrderIsDraftedAndChargedOnItsCertificatesEngineOnly() {
    CertificateRequest request =
        right(both.submitRequest().submit(TestData.order(FAMILY_STATUS, "alice", "k1", "x")));

    assertThat(request.engine()).isEqualTo(DOCUENGINE);
    assertThat(docuengine.totalCharges()).isEqualTo(1);
    assertThat(visengine.totalCharges()).isZero();
    assertThat(visengine.requestIds()).isEmpty();
  }

  @Test
  void theCallbackIsTheWebhookOfTheRequestsEngine() {
    CertificateRequest request =
        right(both.submitRequest().submit(TestData.order(FAMILY_STATUS, "alice", "k1", "x")));

    assertThat(docuengine.order(request.upstreamId().get()).callback().get().url())
        .isEqualTo("https://hooks.example/webhooks/docuengine");
  }

  @Test
  void aRequestSyncsAndFetchesItsDocumentOnItsOwnEngine() {
    CertificateRequest request =
        right(both.submitRequest().submit(TestData.order(FAMILY_STATUS, "alice", "k1", "x")));
    docuengine.attachDocument(
        request.upstreamId().get(), "certificate".getBytes(StandardCharsets.UTF_8));
    docuengine.advance(request.upstreamId().get(), RequestStatus.FULFILLED);

    clock.advance(Duration.ofMinutes(1));
    right(both.synchronise().synchronise());

    CertificateRequest synced =
        right(both.getRequest().get(new RequestQuery("alice", request.id().value())));
    assertThat(synced.status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(synced.document().isDefined()).isTrue();
  }

  @Test
  void anEngineWithoutOpenRequestsIsNotListed() {
    right(both.submitRequest().submit(TestData.order(FAMILY_STATUS, "alice", "k1", "x")));
    visengine.failUntilRestored(RemoteCallKind.LIST, new RemoteFailure.Unavailable("down"));

    clock.advance(Duration.ofMinutes(1));
    right(both.synchronise().synchronise());

    assertThat(events.failures().map(BackgroundFailure::work))
        .doesNotContain(BackgroundFailure.Work.LIST);
  }

  @Test
  void aRequestWhoseEngineIsNotEnabledWaitsAndSaysWhy() {
    CertificateRequest request =
        right(both.submitRequest().submit(TestData.order(FAMILY_STATUS, "alice", "k1", "x")));
    UseCases visengineOnly = useCases(List.of(Upstream.of(TestData.ENGINE, visengine)));

    UseCaseError refused =
        visengineOnly
            .refreshRequest()
            .refresh(new RequestQuery("alice", request.id().value()))
            .getLeft();

    assertThat(refused).isInstanceOf(UseCaseError.UpstreamUnavailable.class);
    assertThat(refused.message()).contains("docuengine engine is not enabled");
  }

  private static Certificate onEngine(Certificate certificate, Engine engine) {
    return new Certificate(
        certificate.id(),
        engine,
        certificate.name(),
        certificate.category(),
        certificate.documentPrice(),
        certificate.searchPrice(),
        certificate.hasSearchPhase(),
        certificate.synchronous(),
        certificate.extras(),
        certificate.schema(),
        certificate.instructions(),
        certificate.searchInstructions());
  }
}

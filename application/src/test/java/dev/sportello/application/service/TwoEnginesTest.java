package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One application over two engines: each certificate and request is served by its own. */
class TwoEnginesTest {
  private static final Certificate COMPANY_REPORT = TestData.certificate();
  private static final Certificate FAMILY_STATUS =
      TestData.certificate("Stato di famiglia", "Anagrafe", false, TestData.DOCUENGINE);

  private final TestApplication app =
      TestApplication.builder()
          .twoEngines()
          .webhookBaseUrl("https://hooks.example/webhooks")
          .build();

  TwoEnginesTest() {
    app.visengine().register(COMPANY_REPORT);
    app.docuengine().register(FAMILY_STATUS);
  }

  private CertificateRequest ordered() {
    return right(
        app.useCases().submitRequest().submit(TestData.order(FAMILY_STATUS, "alice", "k1", "x")));
  }

  private void sync() {
    app.clock().advance(Duration.ofMinutes(1));
    right(app.useCases().synchronise().synchronise());
  }

  @Test
  void theCatalogueListsTheCertificatesOfBothEnginesEachWithItsEngine() {
    List<CatalogEntry> entries =
        right(app.useCases().browseCatalog().browse(BrowseCatalogQuery.everything()));

    assertThat(entries.map(entry -> entry.name() + "@" + entry.engine()))
        .containsExactlyInAnyOrder(
            COMPANY_REPORT.name() + "@visengine", FAMILY_STATUS.name() + "@docuengine");
  }

  @Test
  void theCatalogueFiltersByEngine() {
    List<CatalogEntry> entries =
        right(
            app.useCases()
                .browseCatalog()
                .browse(
                    new BrowseCatalogQuery(
                        Option.none(), Option.none(), Option.some(TestData.DOCUENGINE))));

    assertThat(entries.map(CatalogEntry::id)).containsExactly(FAMILY_STATUS.id());
  }

  @Test
  void aCertificateIsDescribedByItsOwnEngine() {
    assertThat(
            right(app.useCases().describeCertificate().describe(FAMILY_STATUS.id()))
                .certificate()
                .engine())
        .isEqualTo(TestData.DOCUENGINE);
  }

  @Test
  void theListingServesTheEnginesThatAnswerWhenOneCannotAndKeepsNoPartialCopy() {
    app.docuengine()
        .failUntilRestored(RemoteCallKind.CATALOGUE, new RemoteFailure.Unavailable("down"));

    List<CatalogEntry> whileDown =
        right(app.useCases().browseCatalog().browse(BrowseCatalogQuery.everything()));
    app.docuengine().restore(RemoteCallKind.CATALOGUE);
    List<CatalogEntry> onceBack =
        right(app.useCases().browseCatalog().browse(BrowseCatalogQuery.everything()));

    assertThat(whileDown.map(CatalogEntry::id)).containsExactly(COMPANY_REPORT.id());
    assertThat(onceBack.map(CatalogEntry::id))
        .containsExactlyInAnyOrder(COMPANY_REPORT.id(), FAMILY_STATUS.id());
  }

  @Test
  void anEngineThatCannotAnswerLeavesItsPartOfTheStaleListingInPlace() {
    right(app.useCases().browseCatalog().browse(BrowseCatalogQuery.everything()));
    app.clock().advance(ApplicationSettings.DEFAULT_CATALOG_TTL.plusMinutes(1));
    app.docuengine()
        .failUntilRestored(RemoteCallKind.CATALOGUE, new RemoteFailure.Unavailable("down"));

    List<CatalogEntry> entries =
        right(app.useCases().browseCatalog().browse(BrowseCatalogQuery.everything()));

    assertThat(entries.map(CatalogEntry::id))
        .containsExactlyInAnyOrder(COMPANY_REPORT.id(), FAMILY_STATUS.id());
  }

  @Test
  void aCertificateIsDescribedByItsEngineWhileTheOtherCannotAnswer() {
    app.visengine()
        .failUntilRestored(RemoteCallKind.CATALOGUE, new RemoteFailure.Unavailable("down"));
    app.visengine()
        .failUntilRestored(RemoteCallKind.DESCRIBE, new RemoteFailure.Unavailable("down"));
    app.docuengine()
        .failUntilRestored(RemoteCallKind.CATALOGUE, new RemoteFailure.Unavailable("down"));

    assertThat(
            right(app.useCases().describeCertificate().describe(FAMILY_STATUS.id()))
                .certificate()
                .id())
        .isEqualTo(FAMILY_STATUS.id());
  }

  @Test
  void aCertificateOfAnEngineNoLongerEnabledIsNotInTheCatalogueEvenWhenKept() {
    right(app.useCases().browseCatalog().browse(BrowseCatalogQuery.everything()));
    right(app.useCases().describeCertificate().describe(FAMILY_STATUS.id()));
    TestApplication visengineOnly = TestApplication.builder().snapshots(app.snapshots()).build();
    visengineOnly.visengine().register(COMPANY_REPORT);

    assertThat(
            right(visengineOnly.useCases().browseCatalog().browse(BrowseCatalogQuery.everything()))
                .map(CatalogEntry::id))
        .containsExactly(COMPANY_REPORT.id());
    assertThat(
            visengineOnly.useCases().describeCertificate().describe(FAMILY_STATUS.id()).getLeft())
        .isInstanceOf(UseCaseError.NotFound.class);
  }

  @Test
  void anOrderIsDraftedAndChargedOnItsCertificatesEngineOnly() {
    CertificateRequest request = ordered();

    assertThat(request.engine()).isEqualTo(TestData.DOCUENGINE);
    assertThat(app.docuengine().totalCharges()).isEqualTo(1);
    assertThat(app.visengine().totalCharges()).isZero();
    assertThat(app.visengine().requestIds()).isEmpty();
  }

  @Test
  void theCallbackIsTheWebhookOfTheRequestsEngine() {
    CertificateRequest request = ordered();

    assertThat(app.docuengine().order(request.upstreamId().get()).callback().get().url())
        .isEqualTo("https://hooks.example/webhooks/docuengine");
  }

  @Test
  void aRequestSyncsAndFetchesItsDocumentOnItsOwnEngine() {
    CertificateRequest request = ordered();
    app.docuengine()
        .attachDocument(request.upstreamId().get(), "certificate".getBytes(StandardCharsets.UTF_8));
    app.docuengine().advance(request.upstreamId().get(), RequestStatus.FULFILLED);

    sync();

    CertificateRequest synced =
        right(app.useCases().getRequest().get(new RequestQuery("alice", request.id().value())));
    assertThat(synced.status()).isEqualTo(RequestStatus.FULFILLED);
    assertThat(synced.document().isDefined()).isTrue();
  }

  @Test
  void anEngineWithoutOpenRequestsIsNotListed() {
    ordered();
    app.visengine().failUntilRestored(RemoteCallKind.LIST, new RemoteFailure.Unavailable("down"));

    sync();

    assertThat(app.events().failures().map(BackgroundFailure::work))
        .doesNotContain(BackgroundFailure.Work.LIST);
  }

  @Test
  void aRequestWhoseEngineIsNotEnabledWaitsAndSaysWhy() {
    CertificateRequest request = ordered();
    TestApplication visengineOnly =
        TestApplication.builder().wrapRepository(unused -> app.repository()).build();

    UseCaseError refused =
        visengineOnly
            .useCases()
            .refreshRequest()
            .refresh(new RequestQuery("alice", request.id().value()))
            .getLeft();

    assertThat(refused).isInstanceOf(UseCaseError.UpstreamUnavailable.class);
    assertThat(refused.message()).contains("docuengine engine is not enabled");
  }
}

package dev.sportello.adapter.docuengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sportello.adapter.openapi.RetryPolicy;
import dev.sportello.adapter.openapi.testing.MintedTokens;
import dev.sportello.adapter.openapi.testing.StaleUntilRefused;
import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteDocuments;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.RemoteOrder;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.testing.RemotePortContract;
import dev.sportello.domain.catalog.CatalogEntry;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.SchemaWarning;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's remote-port contract, run against this adapter talking HTTP to the sandbox's
 * DocuEngine on a loopback port, plus what only DocuEngine does (one search per request, files on
 * signed URLs) and the faults the sandbox's control API injects.
 */
class SandboxContractTest extends RemotePortContract {
  /** Generous, so that a busy build machine does not turn ordinary calls into timeouts. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** The read timeout of the adapter that meets the slow answers. */
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofSeconds(1);

  /** How long a slow answer takes: longer than the short read timeout. */
  private static final Duration SLOW = SHORT_READ_TIMEOUT.plusSeconds(1);

  private static final RetryPolicy THREE_QUICK_ATTEMPTS =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1));

  /** Visura Camerale Ordinaria - Società di capitale: no search phase. */
  private static final CertificateId COMPANY_REPORT = new CertificateId("663df75d19a52195e23e315c");

  /** Bilancio Ottico: a search for the company's balance sheets, then the chosen one. */
  private static final CertificateId BALANCE_SHEET = new CertificateId("667443c29e6f0e447bc265aa");

  @SuppressWarnings("NullAway.Init") // set by startUpstream, before each test
  private VisengineSandbox sandbox;

  /** Minted with exactly the scopes the adapter says it needs: a call beyond them is refused. */
  @SuppressWarnings("NullAway.Init") // set by startUpstream, before each test
  private String token;

  @SuppressWarnings("NullAway.Init") // set by startUpstream, before each test
  private SandboxControl control;

  @SuppressWarnings("NullAway.Init") // set by startUpstream, before each test
  private DocuEngineAdapter adapter;

  @Override
  protected void startUpstream() {
    sandbox =
        VisengineSandbox.start(
            SandboxSettings.defaults()
                .withPort(0)
                .withControlApi(true)
                .withAccounts(
                    new SandboxSettings.Account(MintedTokens.EMAIL, MintedTokens.API_KEY)));
    token = MintedTokens.mint(sandbox.baseUrl(), DocuEngineSettings.scopes(true));
    control = new SandboxControl(sandbox);
    adapter =
        DocuEngineAdapter.create(
            DocuEngineSettings.of(sandbox.baseUrl(), token)
                .withTimeouts(Duration.ofSeconds(2), READ_TIMEOUT)
                .withRetry(THREE_QUICK_ATTEMPTS));
  }

  @AfterEach
  void stopUpstream() {
    sandbox.close();
  }

  @Override
  protected RemoteRequests requests() {
    return adapter;
  }

  @Override
  protected RemoteDocuments documents() {
    return adapter;
  }

  @Override
  protected RemoteCatalog catalog() {
    return adapter;
  }

  /** The ordinary company report, by REA number and chamber of commerce. */
  @Override
  protected RemoteOrder validOrder() {
    return new RemoteOrder(
        COMPANY_REPORT,
        TreeMap.of(new FieldKey("field0"), "1378273", new FieldKey("field1"), "RM"),
        List.empty(),
        Option.none(),
        Option.none());
  }

  private static RemoteOrder balanceSheetOrder() {
    return new RemoteOrder(
        BALANCE_SHEET,
        TreeMap.of(new FieldKey("field0"), "01500001019"),
        List.empty(),
        Option.none(),
        Option.none());
  }

  @Override
  protected void moveForward(UpstreamId id, RequestStatus status) {
    for (int step = 0; step < 20; step++) {
      if (adapter.fetch(id).map(request -> request.status() == status).getOrElse(false)) {
        return;
      }
      sandbox.advance(SandboxSettings.DEFAULT_STEP_DELAY);
    }
    throw new AssertionError("the sandbox did not move " + id + " to " + status);
  }

  @Override
  protected int charges(UpstreamId id) {
    return sandbox.chargesFor(id.value()).calls();
  }

  private UpstreamId draft(RemoteOrder order) {
    return adapter.createDraft(order).get().upstreamId();
  }

  /** A balance-sheet request whose search has ended with results to choose from. */
  private RemoteRequest searched() {
    UpstreamId id = draft(balanceSheetOrder());
    adapter.close(id).get();
    moveForward(id, RequestStatus.AWAITING_SELECTION);
    return adapter.fetch(id).get();
  }

  @Test
  void theCatalogueHoldsThePublishedCompanyDocumentsAndTheCivilRegistryCertificates() {
    List<CatalogEntry> catalogue = adapter.listCertificates().get();

    assertThat(catalogue.map(entry -> entry.id().value()))
        .contains(
            "663df75d19a52195e23e315c",
            "667443c29e6f0e447bc265aa",
            "6687eed51a241a5d1be0f9fa",
            "6687eea71a241a5d1be0f9f9",
            "66840ce41a241a5d1be0f9e5");
    assertThat(catalogue.map(CatalogEntry::name))
        .contains(
            "Certificato di Stato di Famiglia - con bollo",
            "Certificato di Stato di Famiglia - esente bollo",
            "Certificato di Residenza - con bollo",
            "Certificato di Residenza Storico - esente bollo",
            "Estratto di Matrimonio");
  }

  @Test
  void everyDocumentOfTheSandboxIsDescribedWithKnownTypesAndARule() {
    for (CatalogEntry entry : adapter.listCertificates().get()) {
      var certificate = adapter.describe(entry.id()).get();

      // Optional fields the rule leaves out are warned about, as the domain does for every form.
      assertThat(certificate.schema().warnings())
          .as("%s", entry.name())
          .allMatch(warning -> warning instanceof SchemaWarning.UnreferencedField);
      assertThat(certificate.schema().requirement().isDefined()).as("%s", entry.name()).isTrue();
    }
  }

  @Test
  void aCloseWhoseAnswerIsDroppedHasAnUnknownOutcomeThatALaterCloseResolvesWithOneCharge()
      throws Exception {
    UpstreamId id = draft(validOrder());
    control.fault("PATCH /requests/{id}", "drop", 1, "");

    assertThat(adapter.close(id).getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    assertThat(adapter.close(id).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);
    assertThat(adapter.fetch(id).get().closed()).isTrue();
    assertThat(charges(id)).isEqualTo(1);
  }

  @Test
  void aCloseSlowerThanTheReadTimeoutHasAnUnknownOutcomeThatALaterCloseResolvesWithOneCharge()
      throws Exception {
    UpstreamId id = draft(validOrder());
    control.fault("PATCH /requests/{id}", "delay", 1, ",\"millis\":" + SLOW.toMillis());
    DocuEngineAdapter impatient =
        DocuEngineAdapter.create(
            DocuEngineSettings.of(sandbox.baseUrl(), token)
                .withTimeouts(Duration.ofSeconds(2), SHORT_READ_TIMEOUT));

    assertThat(impatient.close(id).getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(sandbox.awaitQuiet(SLOW.plusSeconds(10))).as("the slow close was served").isTrue();

    assertThat(adapter.close(id).getLeft()).isInstanceOf(RemoteFailure.AlreadyClosed.class);
    assertThat(charges(id)).isEqualTo(1);
  }

  @Test
  void aCloseWhoseTokenIsRefusedOnceIsMadeWithTheReplacementAndChargedOnce() {
    UpstreamId id = draft(validOrder());
    StaleUntilRefused source = new StaleUntilRefused(token);
    DocuEngineAdapter replacing =
        DocuEngineAdapter.create(DocuEngineSettings.of(sandbox.baseUrl(), source));

    assertThat(replacing.close(id).get().closed()).isTrue();
    assertThat(source.refusals()).isEqualTo(1);
    assertThat(charges(id)).isEqualTo(1);
  }

  @Test
  void aCloseThatFailsWith500IsNotRepeated() throws Exception {
    UpstreamId id = draft(validOrder());
    control.fault("PATCH /requests/{id}", "fail", 1, ",\"status\":500");

    assertThat(adapter.close(id).getLeft()).isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(adapter.fetch(id).get().closed()).as("the one close failed").isFalse();
    assertThat(charges(id)).isZero();
  }

  @Test
  void aDraftWhoseAnswerIsDroppedHasAnUnknownOutcomeAndIsNotRepeated() throws Exception {
    int before = adapter.listAll().get().size();
    control.fault("POST /requests", "drop", 1, "");

    assertThat(adapter.createDraft(validOrder()).getLeft())
        .isInstanceOf(RemoteFailure.OutcomeUnknown.class);
    assertThat(adapter.listAll().get()).as("one draft made upstream").hasSize(before + 1);
  }

  @Test
  void aDraftIsNeverProcessedNorChargedWhateverItsValues() {
    RemoteOrder incomplete =
        new RemoteOrder(
            COMPANY_REPORT,
            TreeMap.of(new FieldKey("field0"), "1378273"),
            List.empty(),
            Option.none(),
            Option.none());

    RemoteRequest draft = adapter.createDraft(incomplete).get();

    assertThat(draft.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(adapter.close(draft.upstreamId()).getLeft())
        .isInstanceOfSatisfying(
            RemoteFailure.Rejected.class,
            refused -> assertThat(refused.reason()).isEqualTo(RemoteFailure.Refusal.INVALID));
    assertThat(charges(draft.upstreamId())).isZero();
  }

  @Test
  void aListThatFailsWith500OnceIsRetriedAndAnswers() throws Exception {
    UpstreamId id = draft(validOrder());
    control.fault("GET /requests", "fail", 1, ",\"status\":500");

    assertThat(adapter.listAll().get()).anyMatch(summary -> summary.upstreamId().equals(id));
  }

  @Test
  void anEmptyAccountListsNoRequests() {
    assertThat(adapter.listAll().get()).isEmpty();
  }

  @Test
  void aDocumentNotAvailableNowIsAConflictToWaitOnAndCostsNothing() throws Exception {
    UpstreamId id = draft(validOrder());
    control.available(COMPANY_REPORT.value(), false);

    assertThat(adapter.close(id).getLeft())
        .isInstanceOfSatisfying(
            RemoteFailure.Conflict.class, conflict -> assertThat(conflict.code()).isEqualTo("316"));
    assertThat(charges(id)).isZero();
  }

  @Test
  void aSearchEndsInOneRoundWhoseCandidatesAreTheResultsInOrder() {
    UpstreamId id = draft(balanceSheetOrder());

    RemoteRequest closed = adapter.close(id).get();
    assertThat(closed.status()).isEqualTo(RequestStatus.SEARCHING);
    RemoteRequest searched = searched();

    assertThat(searched.searches()).hasSize(1);
    SearchRound round = searched.searches().head();
    assertThat(round.searchId()).isEqualTo(searched.upstreamId().value());
    assertThat(round.offersChoice()).isTrue();
    assertThat(round.candidates().map(candidate -> candidate.index()))
        .containsExactlyElementsOf(List.range(0, round.candidates().size()));
    assertThat(round.candidates().head().attributes().containsKey("balanceSheetDate")).isTrue();
    assertThat(searched.selection()).isEmpty();
  }

  @Test
  void choosingACandidateChargesTheDocumentOnceAndRecordsTheSelection() {
    RemoteRequest searched = searched();
    UpstreamId id = searched.upstreamId();

    RemoteRequest chosen = adapter.selectCandidate(id, id.value(), 1).get();

    assertThat(chosen.status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(chosen.selection()).contains(io.vavr.Tuple.of(id.value(), 1));
    assertThat(charges(id)).as("the search, then the document").isEqualTo(2);
  }

  @Test
  void theSameChoiceRepeatedIsSuccessAndChargesNothingMore() {
    RemoteRequest searched = searched();
    UpstreamId id = searched.upstreamId();
    adapter.selectCandidate(id, id.value(), 1).get();

    RemoteRequest again = adapter.selectCandidate(id, id.value(), 1).get();

    assertThat(again.selection()).contains(io.vavr.Tuple.of(id.value(), 1));
    assertThat(charges(id)).isEqualTo(2);
  }

  @Test
  void anotherChoiceAfterTheFirstIsAConflict() {
    RemoteRequest searched = searched();
    UpstreamId id = searched.upstreamId();
    adapter.selectCandidate(id, id.value(), 1).get();

    assertThat(adapter.selectCandidate(id, id.value(), 0).getLeft())
        .isInstanceOf(RemoteFailure.Conflict.class);
    assertThat(charges(id)).isEqualTo(2);
  }

  @Test
  void aChoiceWhoseAnswerIsDroppedHasAnUnknownOutcomeAndItsRepeatChargesNothingMore()
      throws Exception {
    RemoteRequest searched = searched();
    UpstreamId id = searched.upstreamId();
    control.fault("PATCH /requests/{id}", "drop", 1, "");

    assertThat(adapter.selectCandidate(id, id.value(), 1).getLeft())
        .isInstanceOf(RemoteFailure.OutcomeUnknown.class);

    assertThat(adapter.selectCandidate(id, id.value(), 1).get().selection())
        .contains(io.vavr.Tuple.of(id.value(), 1));
    assertThat(charges(id)).isEqualTo(2);
  }

  @Test
  void aChosenBalanceSheetIsDownloadedAsAZipWithItsFile() throws IOException {
    RemoteRequest searched = searched();
    UpstreamId id = searched.upstreamId();
    adapter.selectCandidate(id, id.value(), 0).get();
    moveForward(id, RequestStatus.FULFILLED);
    ByteArrayOutputStream target = new ByteArrayOutputStream();

    String name = adapter.download(id, target).get();

    assertThat(name).isEqualTo(id.value() + ".zip");
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(target.toByteArray()))) {
      ZipEntry entry = zip.getNextEntry();
      assertThat(entry).isNotNull();
      assertThat(entry.getName()).isEqualTo(id.value() + "_0.pdf");
      assertThat(new String(zip.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("%PDF-");
      assertThat(zip.getNextEntry()).isNull();
    }
  }

  @Test
  void aFulfilledRequestHasASuccessfulOutcomeAndNamesItsFiles() {
    UpstreamId id = draft(validOrder());
    adapter.close(id).get();
    moveForward(id, RequestStatus.FULFILLED);

    RemoteRequest fulfilled = adapter.fetch(id).get();

    assertThat(fulfilled.outcome().map(outcome -> outcome.isSuccess())).contains(true);
    assertThat(fulfilled.attachments()).containsExactly(id.value() + "_0.pdf");
  }

  @Test
  void aCorruptedDownloadIsRefused() throws Exception {
    UpstreamId id = draft(validOrder());
    adapter.close(id).get();
    moveForward(id, RequestStatus.FULFILLED);
    control.fault("GET /_storage/documents/{file}", "corrupt", 1, "");

    assertThat(adapter.download(id, new ByteArrayOutputStream()).getLeft())
        .isInstanceOf(RemoteFailure.Malformed.class);
  }

  @Test
  void aDownloadCutShortFailsAsAReadThatCanBeTriedAgain() throws Exception {
    UpstreamId id = draft(validOrder());
    adapter.close(id).get();
    moveForward(id, RequestStatus.FULFILLED);
    control.fault("GET /_storage/documents/{file}", "truncate", 1, "");

    assertThat(adapter.download(id, new ByteArrayOutputStream()).getLeft())
        .isInstanceOf(RemoteFailure.Unavailable.class);
    assertThat(adapter.download(id, new ByteArrayOutputStream()).isRight()).isTrue();
  }

  @Test
  void aCancelledDraftStaysAnOpenDraftThatIsNeverCharged() {
    UpstreamId id = draft(validOrder());

    RemoteRequest abandoned = adapter.cancel(id, "no longer needed").get();

    assertThat(abandoned.closed()).isFalse();
    assertThat(adapter.fetch(id).get().status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(charges(id)).isZero();
  }

  @Test
  void aSubmittedRequestCannotBeCancelledAndIsChargedOnce() {
    UpstreamId id = draft(validOrder());
    adapter.close(id).get();

    assertThat(adapter.cancel(id, "no longer needed").getLeft())
        .isInstanceOfSatisfying(
            RemoteFailure.Conflict.class,
            conflict -> assertThat(conflict.code()).isEqualTo("no_cancel"));
    assertThat(charges(id)).isEqualTo(1);
  }

  @Test
  void aRequestCancelledUpstreamSaysWhy() throws Exception {
    UpstreamId id = draft(validOrder());
    adapter.close(id).get();
    control.outcome(id.value(), "cancelled");
    moveForward(id, RequestStatus.CANCELLED);

    RemoteRequest cancelled = adapter.fetch(id).get();

    assertThat(cancelled.closed()).as("it was closed before it was cancelled").isTrue();
    assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(cancelled.cancellationReason()).contains("richiesta annullata dall'operatore");
  }

  @Test
  void aRequestInAStateBeyondThePublishedOnesEndsClosedWithAFailedOutcomeNamingThatState()
      throws Exception {
    UpstreamId id = draft(validOrder());
    adapter.close(id).get();
    control.outcome(id.value(), "failed");
    moveForward(id, RequestStatus.CANCELLED);

    RemoteRequest failed = adapter.fetch(id).get();

    assertThat(failed.closed()).isTrue();
    assertThat(failed.status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(failed.outcome().map(outcome -> outcome.code())).contains("FAILED");
    assertThat(failed.outcome().map(outcome -> outcome.isSuccess())).contains(false);
    assertThat(adapter.listAll().get().head())
        .satisfies(line -> assertThat(line.closed()).isTrue())
        .satisfies(line -> assertThat(line.status()).isEqualTo(RequestStatus.CANCELLED));
  }

  @Test
  void aClosedDraftNotifiesOurWebhookWithItsTokenInAHeaderAndNotInTheUrl() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    HttpServer webhook =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    webhook.createContext(
        "/",
        exchange -> {
          seen.add(
              exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Sportello-Token"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
    try {
      String url = "http://127.0.0.1:" + webhook.getAddress().getPort() + "/webhooks/docuengine";
      RemoteOrder order = validOrder();
      RemoteOrder notified =
          new RemoteOrder(
              order.certificateId(),
              order.values(),
              order.extraKeys(),
              Option.none(),
              Option.some(new RemoteOrder.Callback(url, "t0k3n", "req-1")));
      UpstreamId id = draft(notified);

      adapter.close(id).get();

      assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo("/webhooks/docuengine t0k3n");
    } finally {
      webhook.stop(0);
    }
  }
}

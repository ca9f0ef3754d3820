package dev.sportello.application.service;

import static dev.sportello.application.service.Upstream.open;
import static dev.sportello.application.service.Upstream.status;
import static dev.sportello.application.service.Upstream.stored;
import static dev.sportello.application.service.Upstream.upstreamId;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.testing.RecordingRequestEvents;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncServiceTest {
  private static final Certificate PLAIN = TestData.certificate();
  private static final Certificate SEARCHED =
      TestData.certificate("Visura catastale", "Catasto", true);

  private final TestApplication app = TestApplication.create();

  private SyncReport sync() {
    app.clock().advance(Duration.ofMinutes(1));
    return right(app.useCases().synchronise().synchronise());
  }

  private long calls(RemoteCallKind kind) {
    return app.useCases().remoteCalls().get(kind).getOrElse(0L);
  }

  @Test
  void aCycleOverTenThousandUnchangedOpenRequestsMakesOneListCallAndNoStatusCall() {
    for (int n = 0; n < 10_000; n++) {
      open(app, "r" + n, "alice", PLAIN);
    }

    SyncReport report = sync();

    assertThat(report.remoteCalls()).isEqualTo(HashMap.of("LIST", 1));
    assertThat(calls(RemoteCallKind.STATUS)).isZero();
    assertThat(report.changed()).isEmpty();
  }

  @Test
  void aPlainMoveIsTakenFromTheListWithoutADetailRead() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    open(app, "r2", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.DATA_AVAILABLE);

    SyncReport report = sync();

    assertThat(report.changed()).containsExactly(request.id());
    assertThat(status(app, request)).isEqualTo(RequestStatus.DATA_AVAILABLE);
    assertThat(calls(RemoteCallKind.STATUS)).isZero();
  }

  @Test
  void aFinishedSearchIsReadInDetailToShowItsCandidates() {
    CertificateRequest request = open(app, "r1", "alice", SEARCHED);
    app.visengine()
        .completeSearch(
            upstreamId(request), List.of(new SearchCandidate(0, TreeMap.of("Comune", "Roma"))));

    sync();

    assertThat(calls(RemoteCallKind.STATUS)).isEqualTo(1);
    CertificateRequest now = stored(app, request);
    assertThat(now.status()).isEqualTo(RequestStatus.AWAITING_SELECTION);
    assertThat(now.searches().last().offersChoice()).isTrue();
  }

  @Test
  void aForwardJumpOverMissedStatesIsApplied() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.FULFILLED);

    sync();

    assertThat(status(app, request)).isEqualTo(RequestStatus.FULFILLED);
  }

  @Test
  void aBackwardMoveIsReportedAndNotApplied() {
    CertificateRequest request = open(app, "r1", "alice", SEARCHED);
    app.visengine().advance(upstreamId(request), RequestStatus.PROCESSING);
    sync();
    app.visengine().advance(upstreamId(request), RequestStatus.SEARCHING);

    sync();

    assertThat(status(app, request)).isEqualTo(RequestStatus.PROCESSING);
    assertThat(app.events().refusals())
        .extracting(RecordingRequestEvents.Move::to)
        .containsExactly(RequestStatus.SEARCHING);
  }

  @Test
  void aListLineThatWouldMoveARequestBackIsNotReadInDetailEveryCycle() {
    CertificateRequest request = open(app, "r1", "alice", SEARCHED);
    app.visengine().advance(upstreamId(request), RequestStatus.PROCESSING);
    sync();
    app.visengine().advance(upstreamId(request), RequestStatus.SEARCHING);
    sync();
    long readsSoFar = calls(RemoteCallKind.STATUS);

    sync();

    assertThat(calls(RemoteCallKind.STATUS)).isEqualTo(readsSoFar);
  }

  @Test
  void aRequestUpstreamDoesNotMatchAnyStoredOneIsIgnored() {
    CertificateRequest ours = open(app, "r1", "alice", PLAIN);
    var foreign = right(app.visengine().createDraft(app.visengine().order(upstreamId(ours))));
    right(app.visengine().close(foreign.upstreamId()));

    SyncReport report = sync();

    assertThat(report.changed()).isEmpty();
    assertThat(calls(RemoteCallKind.STATUS)).isZero();
    assertThat(app.repository().size()).isEqualTo(1);
  }

  @Test
  void aFulfilledRequestsDocumentIsFetchedOnce() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.FULFILLED);

    SyncReport first = sync();
    SyncReport second = sync();

    assertThat(first.documentsStored()).containsExactly(request.id());
    assertThat(second.documentsStored()).isEmpty();
    assertThat(calls(RemoteCallKind.DOCUMENT)).isEqualTo(1);
    assertThat(stored(app, request).document()).isNotEmpty();
    assertThat(app.documents().size()).isEqualTo(1);
  }

  @Test
  void aDocumentNotReadyYetIsTriedAgainNextCycle() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.FULFILLED);
    app.visengine().failNext(RemoteCallKind.DOCUMENT, new RemoteFailure.NotReady("still zipping"));

    sync();
    sync();

    assertThat(calls(RemoteCallKind.DOCUMENT)).isEqualTo(2);
    assertThat(stored(app, request).document()).isNotEmpty();
  }
}

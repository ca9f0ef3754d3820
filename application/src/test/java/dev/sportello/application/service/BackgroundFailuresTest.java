package dev.sportello.application.service;

import static dev.sportello.application.service.Upstream.open;
import static dev.sportello.application.service.Upstream.upstreamId;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.BackgroundFailure.Cause;
import dev.sportello.application.port.out.BackgroundFailure.Work;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a sync cycle leaves for the next one is reported, never lost silently. */
class BackgroundFailuresTest {
  private static final Certificate PLAIN = TestData.certificate();

  private final TestApplication app = TestApplication.create();

  private void sync() {
    app.clock().advance(Duration.ofMinutes(1));
    right(app.useCases().synchronise().synchronise());
  }

  @Test
  void aListThatFailsIsReportedWithoutARequest() {
    open(app, "r1", "alice", PLAIN);
    app.visengine().failNext(RemoteCallKind.LIST, new RemoteFailure.Unavailable("upstream down"));

    sync();

    assertThat(app.events().failures())
        .containsExactly(
            new BackgroundFailure(Work.LIST, Option.none(), Cause.UPSTREAM, "UpstreamUnavailable"));
  }

  @Test
  void aDetailThatCannotBeReadIsReportedForItsRequest() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.CANCELLED);
    app.visengine().failNext(RemoteCallKind.STATUS, new RemoteFailure.Unavailable("timeout"));

    sync();

    assertThat(app.events().failures())
        .containsExactly(
            new BackgroundFailure(
                Work.REFRESH, Option.some(request.id()), Cause.UPSTREAM, "UpstreamUnavailable"));
  }

  @Test
  void upstreamsOwnWordsNeverReachAReportedFailure() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.CANCELLED);
    app.visengine()
        .failNext(
            RemoteCallKind.STATUS,
            new RemoteFailure.Rejected(
                RemoteFailure.Refusal.INVALID, "250", "codice fiscale RSSMRA85T10A562S errato"));

    sync();

    assertThat(app.events().failures())
        .singleElement()
        .satisfies(failure -> assertThat(failure.detail()).doesNotContain("RSSMRA"));
  }

  @Test
  void aDocumentThatCannotBeFetchedIsReportedForItsRequest() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.FULFILLED);
    app.visengine()
        .failNext(RemoteCallKind.DOCUMENT, new RemoteFailure.Malformed("not a ZIP archive"));

    sync();

    assertThat(app.events().failures())
        .singleElement()
        .satisfies(failure -> {
          assertThat(failure.work()).isEqualTo(Work.DOCUMENT);
          assertThat(failure.request()).contains(request.id());
          assertThat(failure.cause()).isEqualTo(Cause.UPSTREAM);
        });
  }

  @Test
  void aDocumentUpstreamHasNotFinishedIsNoFailure() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.FULFILLED);
    app.visengine().failNext(RemoteCallKind.DOCUMENT, new RemoteFailure.NotReady("still zipping"));

    sync();

    assertThat(app.events().failures()).isEmpty();
  }

  @Test
  void aDispatchWhoseDraftCannotBeStoredIsReportedForItsRequest() {
    AtomicBoolean storeDown = new AtomicBoolean();
    TestApplication failing =
        TestApplication.builder()
            .wrapRepository(real ->
                new InterceptedRepository(
                    real,
                    request -> Option.none(),
                    (request, version) ->
                        storeDown.get()
                            ? Option.some(Either.left(new StorageFailure.Unavailable("disk full")))
                            : Option.none()))
            .build();
    failing.visengine().register(PLAIN);
    failing.visengine().failNext(RemoteCallKind.DRAFT, new RemoteFailure.Unavailable("down"));
    CertificateRequest accepted =
        right(
            failing
                .useCases()
                .submitRequest()
                .submit(TestData.order(PLAIN, "alice", "key-1", "Mario Rossi")));
    storeDown.set(true);

    failing.clock().advance(Duration.ofMinutes(1));
    right(failing.useCases().synchronise().synchronise());

    assertThat(failing.events().failures())
        .containsExactly(
            new BackgroundFailure(
                Work.DISPATCH, Option.some(accepted.id()), Cause.UPSTREAM, "UpstreamUnavailable"),
            new BackgroundFailure(
                Work.DISPATCH, Option.some(accepted.id()), Cause.STORAGE, "disk full"));
  }

  @Test
  void aCloseUpstreamCannotTakeNowIsReportedForItsRequestWhichWaitsForTheNextCycle() {
    app.visengine().register(PLAIN);
    app.visengine().failNext(RemoteCallKind.CLOSE, new RemoteFailure.OutcomeUnknown("timeout"));

    CertificateRequest accepted =
        right(
            app.useCases()
                .submitRequest()
                .submit(TestData.order(PLAIN, "alice", "key-1", "Mario Rossi")));

    assertThat(accepted.awaitsDispatch()).isTrue();
    assertThat(app.events().failures())
        .containsExactly(
            new BackgroundFailure(
                Work.DISPATCH, Option.some(accepted.id()), Cause.UPSTREAM, "UpstreamUnavailable"));
  }
}

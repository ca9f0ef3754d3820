package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.SubmissionInput;
import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.SynchroniseUseCase.SyncReport;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SubmissionServiceTest {
  private static final Certificate CERTIFICATE = TestData.certificate();

  private TestApplication app =
      TestApplication.builder().webhookBaseUrl("https://hooks.example/notify/").build();

  SubmissionServiceTest() {
    app.visengine().register(CERTIFICATE);
  }

  private static SubmitRequestCommand command(String caller, String key, String value) {
    return TestData.order(CERTIFICATE, caller, key, value);
  }

  private Either<UseCaseError, CertificateRequest> submit(SubmitRequestCommand command) {
    return app.useCases().submitRequest().submit(command);
  }

  private CertificateRequest submitted() {
    return right(submit(command("alice", "key-1", "Mario Rossi")));
  }

  private SyncReport sync() {
    app.clock().advance(Duration.ofMinutes(1));
    return right(app.useCases().synchronise().synchronise());
  }

  private long calls(RemoteCallKind kind) {
    return app.useCases().remoteCalls().get(kind).getOrElse(0L);
  }

  private CertificateRequest stored(CertificateRequest request) {
    return right(app.repository().find(request.id())).get().value();
  }

  /** The request is closed upstream, processing, and the account was charged exactly once. */
  private void assertCarriedForwardWithOneCharge(CertificateRequest request) {
    CertificateRequest now = stored(request);
    assertThat(now.dispatch()).isInstanceOf(Dispatch.Closed.class);
    assertThat(now.status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(app.visengine().totalCharges()).isEqualTo(1);
  }

  @Test
  void anInvalidSubmissionIsRefusedWithEveryViolationAndCostsNoCall() {
    right(app.useCases().describeCertificate().describe(CERTIFICATE.id()));
    Map<RemoteCallKind, Long> before = app.useCases().remoteCalls();
    SubmitRequestCommand invalid =
        new SubmitRequestCommand(
            "alice",
            "key-1",
            new SubmissionInput(
                CERTIFICATE.id().value(),
                HashMap.empty(),
                List.of("opzione_9"),
                Option.none(),
                Option.none()));

    assertThat(left(submit(invalid)))
        .isInstanceOfSatisfying(
            UseCaseError.InvalidInput.class,
            refused -> assertThat(refused.violations()).hasSizeGreaterThanOrEqualTo(2));
    assertThat(app.useCases().remoteCalls()).isEqualTo(before);
    assertThat(app.repository().size()).isZero();
  }

  @Test
  void aValidSubmissionIsDraftedThenClosedAndChargedOnce() {
    CertificateRequest request = submitted();

    assertThat(request.status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(calls(RemoteCallKind.DRAFT)).isEqualTo(1);
    assertThat(calls(RemoteCallKind.CLOSE)).isEqualTo(1);
    assertCarriedForwardWithOneCharge(request);
  }

  @Test
  void theRequestIsStoredAcceptedBeforeAnyRemoteCall() {
    AtomicBoolean upstreamEmptyAtInsert = new AtomicBoolean();
    app =
        TestApplication.builder()
            .wrapRepository(real ->
                new InterceptedRepository(
                    real,
                    request -> {
                      upstreamEmptyAtInsert.set(app.visengine().requestIds().isEmpty());
                      return Option.none();
                    },
                    (request, version) -> Option.none()))
            .build();
    app.visengine().register(CERTIFICATE);

    submitted();

    assertThat(upstreamEmptyAtInsert).isTrue();
  }

  @Test
  void theCallbackIsTheEnginesWebhookWithTheRequestsToken() {
    CertificateRequest request = submitted();

    var callback = app.visengine().order(request.upstreamId().get()).callback().get();

    assertThat(callback.url()).isEqualTo("https://hooks.example/notify/visengine");
    assertThat(callback.token())
        .isEqualTo(new NotificationTokens(TestApplication.SECRET).tokenFor(request.id()));
  }

  @Test
  void aFailedDraftCreationIsRetriedBySync() {
    app.visengine().failNext(RemoteCallKind.DRAFT, new RemoteFailure.Unavailable("down"));

    CertificateRequest request = submitted();
    assertThat(request.status()).isEqualTo(RequestStatus.ACCEPTED);
    assertThat(request.dispatch()).isInstanceOf(Dispatch.NotSent.class);

    assertThat(sync().dispatched()).containsExactly(request.id());
    assertCarriedForwardWithOneCharge(request);
  }

  @Test
  void aDraftWhoseAnswerWasLostCostsNothingAndANewOneIsClosed() {
    app.visengine().loseNextAnswer(RemoteCallKind.DRAFT);

    CertificateRequest request = submitted();
    sync();

    assertThat(app.visengine().requestIds()).hasSize(2);
    assertCarriedForwardWithOneCharge(request);
  }

  @Test
  void aDraftWhoseIdWasNotStoredIsLeftUnchargedAndANewOneIsClosed() {
    AtomicBoolean crashed = new AtomicBoolean();
    app =
        TestApplication.builder()
            .wrapRepository(real ->
                new InterceptedRepository(
                    real,
                    request -> Option.none(),
                    (request, version) ->
                        crashed.getAndSet(true)
                            ? Option.none()
                            : Option.some(Either.left(new StorageFailure.Unavailable("crashed")))))
            .build();
    app.visengine().register(CERTIFICATE);

    CertificateRequest request = submitted();
    assertThat(stored(request).dispatch()).isInstanceOf(Dispatch.NotSent.class);
    sync();

    assertThat(app.visengine().requestIds()).hasSize(2);
    assertCarriedForwardWithOneCharge(request);
  }

  @Test
  void aCloseWhoseAnswerWasLostIsRepeatedOnTheSameDraftWithoutASecondCharge() {
    app.visengine().loseNextAnswer(RemoteCallKind.CLOSE);

    CertificateRequest request = submitted();
    assertThat(request.dispatch()).isEqualTo(new Dispatch.Drafted(request.upstreamId().get(), 1));
    sync();

    assertThat(calls(RemoteCallKind.CLOSE)).isEqualTo(2);
    assertThat(app.visengine().requestIds()).hasSize(1);
    assertCarriedForwardWithOneCharge(request);
  }

  @Test
  void aCloseThatFailedIsRetriedOnTheSameDraft() {
    app.visengine().failNext(RemoteCallKind.CLOSE, new RemoteFailure.Unavailable("down"));

    CertificateRequest request = submitted();
    assertThat(request.status()).isEqualTo(RequestStatus.ACCEPTED);
    sync();

    assertThat(app.visengine().requestIds()).hasSize(1);
    assertCarriedForwardWithOneCharge(request);
  }

  @Test
  void insufficientCreditRejectsTheRequestWithItsReasonAndIsNotRetried() {
    app.visengine()
        .failNext(RemoteCallKind.CLOSE, new RemoteFailure.InsufficientCredit("wallet empty"));

    CertificateRequest request = submitted();
    sync();

    assertThat(stored(request).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(stored(request).outcome().map(o -> o.code())).contains("insufficient_credit");
    assertThat(calls(RemoteCallKind.CLOSE)).isEqualTo(1);
    assertThat(app.visengine().totalCharges()).isZero();
  }

  @Test
  void anUpstreamRefusalOfTheDataRejectsTheRequest() {
    app.visengine()
        .failNext(
            RemoteCallKind.CLOSE,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, "412", "dati non validi"));

    CertificateRequest request = submitted();

    assertThat(request.status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(request.outcome().map(o -> o.message())).contains("dati non validi");
  }

  @Test
  void theSameKeyAndBodyGiveTheSameRequestAndOneCharge() {
    CertificateRequest first = submitted();
    CertificateRequest again = submitted();

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(calls(RemoteCallKind.DRAFT)).isEqualTo(1);
    assertThat(app.visengine().totalCharges()).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAsAReusedKey() {
    CertificateRequest first = submitted();

    assertThat(left(submit(command("alice", "key-1", "Luigi Verdi"))))
        .isEqualTo(new UseCaseError.KeyReusedWithAnotherBody(first.id()));
    assertThat(app.repository().size()).isEqualTo(1);
  }

  @Test
  void keysAreScopedToTheCaller() {
    CertificateRequest alices = submitted();
    CertificateRequest bobs = right(submit(command("bob", "key-1", "Mario Rossi")));

    assertThat(bobs.id()).isNotEqualTo(alices.id());
    assertThat(app.visengine().totalCharges()).isEqualTo(2);
  }
}

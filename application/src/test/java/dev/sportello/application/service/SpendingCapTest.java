package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.AddSearchUseCase.AddSearchCommand;
import dev.sportello.application.port.in.CancelRequestUseCase.CancelRequestCommand;
import dev.sportello.application.port.in.GetSpendingUseCase.SpendingFigures;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.testing.InMemoryRequestRepository;
import dev.sportello.application.testing.InMemorySpendingLedger;
import dev.sportello.application.testing.MutableClock;
import dev.sportello.application.testing.RecordingRequestEvents;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.CapReached;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingCaps;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.HashMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Spending caps per caller: an order that would go over one is refused before anything is stored or
 * sent; a request that ends before it is charged stops counting; periods follow Rome's calendar.
 * Each order of the test certificate costs 12.20 EUR with VAT.
 */
class SpendingCapTest {
  private static final Certificate PLAIN = TestData.certificate();
  private static final Money ONE_ORDER = Money.ofCents(1220);
  private static final Certificate SEARCHED =
      TestData.certificate("Visura catastale", "Catasto", true);
  private static final Money ONE_SEARCH_ORDER = Money.ofCents(1464);
  private static final Money ONE_ADDED_SEARCH = Money.ofCents(244);

  /** Midnight in Rome after the test clock's start (10:00 in Rome on 1 March 2025). */
  private static final Instant MIDNIGHT = Instant.parse("2025-03-01T23:00:00Z");

  private static TestApplication started(TestApplication.Builder builder) {
    TestApplication app = builder.build();
    app.visengine().register(PLAIN);
    return app;
  }

  private static TestApplication cappedAt(String caps) {
    return started(TestApplication.builder().spendingCaps(caps));
  }

  private static Either<UseCaseError, CertificateRequest> order(
      TestApplication app, String caller, String key) {
    return app.useCases().submitRequest().submit(TestData.order(PLAIN, caller, key, "x"));
  }

  private static Money spentToday(TestApplication app, String caller) {
    return right(app.useCases().getSpending().spending(caller)).head().spent();
  }

  private static CertificateRequest cancel(TestApplication app, CertificateRequest request) {
    return right(
        app.useCases()
            .cancelRequest()
            .cancel(
                new CancelRequestCommand(
                    new RequestQuery(request.caller(), request.id().value()), "not needed")));
  }

  @Test
  void anOrderOverTheDailyCapIsRefusedWithoutAnUpstreamCallAndNothingStored() {
    TestApplication app = cappedAt("alice=20/day");
    right(order(app, "alice", "k1"));
    long callsBefore = app.calls().total();

    UseCaseError refused = left(order(app, "alice", "k2"));

    assertThat(refused)
        .isEqualTo(
            new UseCaseError.SpendingCapReached(
                new CapReached(
                    new SpendingCap(SpendingPeriod.DAY, Money.ofCents(2000)),
                    ONE_ORDER,
                    ONE_ORDER,
                    MIDNIGHT),
                Duration.ofHours(14)));
    assertThat(app.calls().total()).isEqualTo(callsBefore);
    assertThat(app.repository().size()).isEqualTo(1);
    assertThat(spentToday(app, "alice")).isEqualTo(ONE_ORDER);
  }

  @Test
  void anOrderThatReachesTheCapExactlyIsAllowed() {
    TestApplication app = cappedAt("alice=24.40/day");

    right(order(app, "alice", "k1"));

    assertThat(order(app, "alice", "k2").isRight()).isTrue();
    assertThat(app.visengine().totalCharges()).isEqualTo(2);
  }

  @Test
  void everyCallerHasTheCapOfEveryCallerOnItsOwn() {
    TestApplication app = cappedAt("*=20/day,carol=100/day");
    right(order(app, "alice", "k1"));
    right(order(app, "bob", "k1"));
    right(order(app, "carol", "k1"));

    assertThat(left(order(app, "alice", "k2"))).isInstanceOf(UseCaseError.SpendingCapReached.class);
    assertThat(order(app, "carol", "k2").isRight()).isTrue();
  }

  @Test
  void withoutCapsOrdersAreCountedAndNeverRefused() {
    TestApplication app = started(TestApplication.builder());
    for (int n = 0; n < 5; n++) {
      right(order(app, "alice", "k" + n));
    }

    assertThat(right(app.useCases().getSpending().spending("alice")))
        .containsExactly(
            new SpendingFigures(
                SpendingPeriod.DAY, Option.none(), ONE_ORDER.times(5), Option.none(), MIDNIGHT),
            new SpendingFigures(
                SpendingPeriod.MONTH,
                Option.none(),
                ONE_ORDER.times(5),
                Option.none(),
                Instant.parse("2025-03-31T22:00:00Z")));
  }

  @Test
  void aCallerSeesItsCapsWhatItSpentAndWhatRemains() {
    TestApplication app = cappedAt("alice=50/day,alice=800/month,*=20/day");
    right(order(app, "alice", "k1"));

    assertThat(right(app.useCases().getSpending().spending("alice")))
        .containsExactly(
            new SpendingFigures(
                SpendingPeriod.DAY,
                Option.some(Money.ofCents(5000)),
                ONE_ORDER,
                Option.some(Money.ofCents(3780)),
                MIDNIGHT),
            new SpendingFigures(
                SpendingPeriod.MONTH,
                Option.some(Money.ofCents(80000)),
                ONE_ORDER,
                Option.some(Money.ofCents(78780)),
                Instant.parse("2025-03-31T22:00:00Z")));
    assertThat(spentToday(app, "bob")).isEqualTo(Money.ZERO);
  }

  @Test
  void anOrderRefusedUpstreamBeforeItIsChargedStopsCounting() {
    TestApplication app = cappedAt("alice=20/day");
    app.visengine()
        .failNext(
            RemoteCallKind.DRAFT,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, "E1", "refused"));
    assertThat(right(order(app, "alice", "k1")).status()).isEqualTo(RequestStatus.REJECTED);

    assertThat(spentToday(app, "alice")).isEqualTo(Money.ZERO);
    assertThat(order(app, "alice", "k2").isRight()).isTrue();
  }

  @Test
  void anOrderWhoseCloseIsRefusedForCreditStopsCounting() {
    TestApplication app = cappedAt("alice=20/day");
    app.visengine().failNext(RemoteCallKind.CLOSE, new RemoteFailure.InsufficientCredit("empty"));
    assertThat(right(order(app, "alice", "k1")).status()).isEqualTo(RequestStatus.REJECTED);

    assertThat(spentToday(app, "alice")).isEqualTo(Money.ZERO);
  }

  @Test
  void anOrderCancelledBeforeItIsSentStopsCounting() {
    TestApplication app = cappedAt("alice=20/day");
    app.visengine().failNext(RemoteCallKind.DRAFT, new RemoteFailure.Unavailable("down"));
    CertificateRequest waiting = right(order(app, "alice", "k1"));

    assertThat(cancel(app, waiting).status()).isEqualTo(RequestStatus.CANCELLED);

    assertThat(spentToday(app, "alice")).isEqualTo(Money.ZERO);
    assertThat(app.spending().of(waiting.id())).isEmpty();
  }

  @Test
  void aChargedOrderKeepsCountingWhenCancelled() {
    TestApplication app = cappedAt("alice=20/day");
    CertificateRequest charged = right(order(app, "alice", "k1"));

    assertThat(cancel(app, charged).status()).isEqualTo(RequestStatus.CANCELLED);

    assertThat(spentToday(app, "alice")).isEqualTo(ONE_ORDER);
    assertThat(left(order(app, "alice", "k2"))).isInstanceOf(UseCaseError.SpendingCapReached.class);
  }

  @Test
  void theDailyCapResetsAtMidnightInRomeAndTheRefusedKeyOrdersThen() {
    TestApplication app = cappedAt("alice=20/day");
    right(order(app, "alice", "k1"));
    left(order(app, "alice", "k2"));
    app.clock().set(MIDNIGHT.minusMillis(1));
    assertThat(left(order(app, "alice", "k2"))).isInstanceOf(UseCaseError.SpendingCapReached.class);

    app.clock().set(MIDNIGHT);
    CertificateRequest ordered = right(order(app, "alice", "k2"));

    assertThat(ordered.status()).isNotEqualTo(RequestStatus.REJECTED);
    assertThat(right(order(app, "alice", "k2")).id()).isEqualTo(ordered.id());
    assertThat(spentToday(app, "alice")).isEqualTo(ONE_ORDER);
    assertThat(app.visengine().totalCharges()).isEqualTo(2);
  }

  @Test
  void aRepeatRightAfterACapRefusalIsRefusedAgainAtOnce() {
    TestApplication app = cappedAt("alice=20/day");
    right(order(app, "alice", "k1"));
    left(order(app, "alice", "k2"));

    UseCaseError again = left(order(app, "alice", "k2"));

    assertThat(again).isInstanceOf(UseCaseError.SpendingCapReached.class);
  }

  @Test
  void theMonthlyCapResetsOnTheFirstInRome() {
    TestApplication app = cappedAt("alice=20/month");
    Instant aprilInRome = Instant.parse("2025-03-31T22:00:00Z");
    app.clock().set(aprilInRome.minusSeconds(3600));
    right(order(app, "alice", "k1"));
    UseCaseError.SpendingCapReached refused =
        (UseCaseError.SpendingCapReached) left(order(app, "alice", "k2"));
    assertThat(refused.reached().resetsAt()).isEqualTo(aprilInRome);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(1));

    app.clock().set(aprilInRome);

    assertThat(order(app, "alice", "k2").isRight()).isTrue();
  }

  @Test
  void aRepeatedSubmissionReservesOnce() {
    TestApplication app = cappedAt("alice=20/day");
    CertificateRequest first = right(order(app, "alice", "k1"));

    assertThat(right(order(app, "alice", "k1")).id()).isEqualTo(first.id());
    assertThat(spentToday(app, "alice")).isEqualTo(ONE_ORDER);
  }

  /**
   * An application whose first store of a request answers a failure; when {@code stored}, the
   * request was stored all the same (the answer was lost).
   */
  private static TestApplication firstStoreFails(String caps, boolean stored) {
    AtomicBoolean failInsert = new AtomicBoolean(true);
    return started(
        TestApplication.builder()
            .spendingCaps(caps)
            .wrapRepository(real ->
                new InterceptedRepository(
                    real,
                    request -> {
                      if (!failInsert.getAndSet(false)) {
                        return Option.none();
                      }
                      if (stored) {
                        right(real.insert(request));
                      }
                      return Option.some(Either.left(new StorageFailure.Unavailable("disk full")));
                    },
                    (request, version) -> Option.none())));
  }

  private static void sync(TestApplication app) {
    app.clock().advance(Duration.ofMinutes(1));
    right(app.useCases().synchronise().synchronise());
  }

  @Test
  void anOrderThatCouldNotBeStoredStopsCounting() {
    TestApplication app = firstStoreFails("alice=20/day", false);

    assertThat(left(order(app, "alice", "k1"))).isInstanceOf(UseCaseError.StorageUnavailable.class);

    assertThat(spentToday(app, "alice")).isEqualTo(Money.ZERO);
    assertThat(order(app, "alice", "k2").isRight()).isTrue();
  }

  @Test
  void anOrderStoredDespiteAFailedAnswerIsReservedAgainBeforeItIsCharged() {
    TestApplication app = firstStoreFails("alice=100/day", true);
    left(order(app, "alice", "k1"));

    sync(app);

    assertThat(app.visengine().totalCharges()).isEqualTo(1);
    assertThat(spentToday(app, "alice")).isEqualTo(ONE_ORDER);
  }

  @Test
  void anOrderStoredDespiteAFailedAnswerIsNotChargedOverTheCap() {
    TestApplication app = firstStoreFails("alice=20/day", true);
    left(order(app, "alice", "k1"));
    right(order(app, "alice", "k2"));

    sync(app);

    assertThat(app.visengine().totalCharges()).isEqualTo(1);
    assertThat(spentToday(app, "alice")).isEqualTo(ONE_ORDER);
  }

  @Test
  void aRepeatAfterAnAttemptThatReservedAndDiedReservesOnce() {
    AtomicBoolean failInsert = new AtomicBoolean(true);
    TestApplication app =
        started(
            TestApplication.builder()
                .spendingCaps("alice=20/day")
                .wrapRepository(real ->
                    new InterceptedRepository(
                        real,
                        request ->
                            failInsert.getAndSet(false)
                                ? Option.some(
                                    Either.left(new StorageFailure.Unavailable("disk full")))
                                : Option.none(),
                        (request, version) -> Option.none())));
    assertThat(left(order(app, "alice", "k1"))).isInstanceOf(UseCaseError.StorageUnavailable.class);
    app.clock().advance(ApplicationSettings.DEFAULT_REPLAY_WAIT.plusSeconds(1));

    CertificateRequest ordered = right(order(app, "alice", "k1"));

    assertThat(ordered.status()).isNotEqualTo(RequestStatus.REJECTED);
    assertThat(spentToday(app, "alice")).isEqualTo(ONE_ORDER);
    assertThat(app.visengine().totalCharges()).isEqualTo(1);
  }

  @Test
  void anEndedRequestLearntToHaveBeenChargedCountsAgain() {
    InMemoryRequestRepository repository = new InMemoryRequestRepository();
    InMemorySpendingLedger ledger = new InMemorySpendingLedger();
    MutableClock clock = MutableClock.atTestEpoch();
    SpendingService spending =
        new SpendingService(ledger, SpendingCaps.none(), new RecordingRequestEvents(), clock);
    Requests requests = new Requests(repository, new RecordingRequestEvents(), spending);
    CertificateRequest drafted =
        right(
            TestData.accepted("r1", "alice", PLAIN, clock.instant())
                .recordDraft(TestData.upstreamId(1), clock.instant())
                .flatMap(request -> request.recordCloseAttempt(clock.instant())));
    right(spending.reserve(drafted));
    Stored<CertificateRequest> stored = right(repository.insert(drafted));
    Stored<CertificateRequest> rejected =
        right(
            requests.modify(
                stored,
                request ->
                    request
                        .reject(new Outcome("E1", "refused"), clock.instant())
                        .mapLeft(Failures::of)));
    assertThat(ledger.of(drafted.id())).isEmpty();

    right(
        requests.modify(
            rejected, request -> request.recordClosed(clock.instant()).mapLeft(Failures::of)));

    assertThat(ledger.of(drafted.id()).map(SpendingLedger.Reservation::amount)).contains(ONE_ORDER);
  }

  /** A search order (14.64 EUR with VAT) whose first round is known: each added search is 2.44. */
  private static CertificateRequest searching(TestApplication app) {
    app.visengine().register(SEARCHED);
    CertificateRequest ordered =
        right(app.useCases().submitRequest().submit(TestData.order(SEARCHED, "alice", "s1", "x")));
    app.visengine()
        .completeSearch(
            ordered.upstreamId().get(),
            io.vavr.collection.List.of(new SearchCandidate(0, TreeMap.of("Comune", "Roma"))));
    return right(
        app.useCases().refreshRequest().refresh(new RequestQuery("alice", ordered.id().value())));
  }

  private static Either<UseCaseError, CertificateRequest> addSearch(
      TestApplication app, CertificateRequest request) {
    return app.useCases()
        .addSearch()
        .addSearch(
            new AddSearchCommand(
                new RequestQuery("alice", request.id().value()), HashMap.of("$0", "Giuseppe")));
  }

  @Test
  void eachAddedSearchCountsAtItsPriceWithVat() {
    TestApplication app = cappedAt("alice=100/day");
    CertificateRequest request = searching(app);

    right(addSearch(app, request));

    assertThat(spentToday(app, "alice")).isEqualTo(ONE_SEARCH_ORDER.plus(ONE_ADDED_SEARCH));
  }

  @Test
  void anAddedSearchOverTheCapIsRefusedWithoutAnUpstreamCall() {
    TestApplication app = cappedAt("alice=17.08/day");
    CertificateRequest request = searching(app);
    CertificateRequest searchingAgain = right(addSearch(app, request));
    app.visengine()
        .completeSearch(
            searchingAgain.upstreamId().get(),
            io.vavr.collection.List.of(new SearchCandidate(0, TreeMap.of("Comune", "Milano"))));
    long searchesBefore = app.useCases().remoteCalls().get(RemoteCallKind.SEARCH).getOrElse(0L);

    UseCaseError refused = left(addSearch(app, request));

    assertThat(refused).isInstanceOf(UseCaseError.SpendingCapReached.class);
    assertThat(app.useCases().remoteCalls().get(RemoteCallKind.SEARCH).getOrElse(0L))
        .isEqualTo(searchesBefore);
    assertThat(app.visengine().searchCharges(request.upstreamId().get())).isEqualTo(1);
    assertThat(spentToday(app, "alice")).isEqualTo(Money.ofCents(1708));
  }

  @Test
  void anAddedSearchThatUpstreamRefusesStopsCounting() {
    TestApplication app = cappedAt("alice=100/day");
    CertificateRequest request = searching(app);
    app.visengine()
        .failNext(
            RemoteCallKind.SEARCH,
            new RemoteFailure.Rejected(RemoteFailure.Refusal.INVALID, "E1", "refused"));

    left(addSearch(app, request));

    assertThat(spentToday(app, "alice")).isEqualTo(ONE_SEARCH_ORDER);
  }

  @Test
  void anAddedSearchWhoseAnswerIsLostKeepsCounting() {
    TestApplication app = cappedAt("alice=100/day");
    CertificateRequest request = searching(app);
    app.visengine().failNext(RemoteCallKind.SEARCH, new RemoteFailure.OutcomeUnknown("timed out"));

    left(addSearch(app, request));

    assertThat(spentToday(app, "alice")).isEqualTo(ONE_SEARCH_ORDER.plus(ONE_ADDED_SEARCH));
  }
}

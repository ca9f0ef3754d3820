package dev.sportello.application.service;

import static dev.sportello.application.service.Upstream.open;
import static dev.sportello.application.service.Upstream.upstreamId;
import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.AddSearchUseCase.AddSearchCommand;
import dev.sportello.application.port.in.CancelRequestUseCase.CancelRequestCommand;
import dev.sportello.application.port.in.ListRequestsQuery;
import dev.sportello.application.port.in.ListRequestsUseCase.RequestListing;
import dev.sportello.application.port.in.RequestQuery;
import dev.sportello.application.port.in.SelectCandidateUseCase.SelectCandidateCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.LifecycleError;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchCandidate;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RequestServiceTest {
  private static final Certificate PLAIN = TestData.certificate();
  private static final Certificate SEARCHED =
      TestData.certificate("Visura catastale", "Catasto", true);

  private final TestApplication app = TestApplication.create();

  RequestServiceTest() {
    app.visengine().register(PLAIN).register(SEARCHED);
  }

  private long calls(RemoteCallKind kind) {
    return app.useCases().remoteCalls().get(kind).getOrElse(0L);
  }

  private static RequestQuery query(CertificateRequest request) {
    return new RequestQuery(request.caller(), request.id().value());
  }

  private RequestListing list(String caller, Option<String> cursor) {
    return right(
        app.useCases()
            .listRequests()
            .list(
                new ListRequestsQuery(
                    caller, Option.none(), Option.none(), Option.none(), cursor, 2)));
  }

  /** A search request whose first round offers two candidates. */
  private CertificateRequest awaitingSelection() {
    return awaitingSelection(app);
  }

  private static CertificateRequest awaitingSelection(TestApplication app) {
    CertificateRequest request = open(app, "r1", "alice", SEARCHED);
    app.visengine()
        .completeSearch(
            upstreamId(request),
            List.of(
                new SearchCandidate(0, TreeMap.of("Comune", "Roma")),
                new SearchCandidate(1, TreeMap.of("Comune", "Milano"))));
    return right(app.useCases().refreshRequest().refresh(query(request)));
  }

  @Test
  void aListingIsPagedNewestFirstWithAnOpaqueCursor() {
    for (int n = 1; n <= 3; n++) {
      open(app, "r" + n, "alice", PLAIN);
      app.clock().advance(Duration.ofMinutes(1));
    }
    open(app, "theirs", "bob", PLAIN);

    RequestListing first = list("alice", Option.none());
    RequestListing second = list("alice", first.nextCursor());

    assertThat(first.requests().map(r -> r.id().value())).containsExactly("r3", "r2");
    assertThat(second.requests().map(r -> r.id().value())).containsExactly("r1");
    assertThat(second.nextCursor()).isEmpty();
  }

  @Test
  void aCursorNotHandedOutIsInvalidInput() {
    assertThat(
            left(
                app.useCases()
                    .listRequests()
                    .list(
                        new ListRequestsQuery(
                            "alice",
                            Option.some("sleeping"),
                            Option.none(),
                            Option.none(),
                            Option.some("not-a-cursor"),
                            10))))
        .isInstanceOfSatisfying(
            UseCaseError.InvalidInput.class,
            invalid -> assertThat(invalid.violations()).hasSize(2));
  }

  @Test
  void anotherCallersRequestIsNotFound() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);

    assertThat(left(app.useCases().getRequest().get(new RequestQuery("bob", request.id().value()))))
        .isInstanceOf(UseCaseError.NotFound.class);
  }

  @Test
  void anOpenRequestIsCancelledUpstreamWithItsReason() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);

    CertificateRequest cancelled =
        right(
            app.useCases()
                .cancelRequest()
                .cancel(new CancelRequestCommand(query(request), "ordered by mistake")));

    assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(cancelled.history().last().note()).isEqualTo("ordered by mistake");
    assertThat(calls(RemoteCallKind.CANCEL)).isEqualTo(1);
  }

  @Test
  void aDraftWhoseCloseMayHaveTakenEffectIsNotCancelledUntilSyncSettlesIt() {
    app.visengine().loseNextAnswer(RemoteCallKind.CLOSE);
    CertificateRequest request =
        right(app.useCases().submitRequest().submit(TestData.order(PLAIN, "alice", "k1", "x")));

    UseCaseError refused =
        left(
            app.useCases()
                .cancelRequest()
                .cancel(new CancelRequestCommand(query(request), "ordered by mistake")));

    assertThat(refused).isInstanceOf(UseCaseError.UpstreamConflict.class);
    assertThat(calls(RemoteCallKind.CANCEL)).isZero();
    assertThat(right(app.useCases().getRequest().get(query(request))).status())
        .isEqualTo(RequestStatus.ACCEPTED);
  }

  @Test
  void aFinishedRequestCannotBeCancelledAndNoCallIsMade() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);
    app.visengine().advance(upstreamId(request), RequestStatus.FULFILLED);
    right(app.useCases().refreshRequest().refresh(query(request)));

    assertThat(
            left(
                app.useCases()
                    .cancelRequest()
                    .cancel(new CancelRequestCommand(query(request), "too late"))))
        .isEqualTo(
            new UseCaseError.LifecycleRefused(
                new LifecycleError.IllegalTransition(
                    RequestStatus.FULFILLED, RequestStatus.CANCELLED)));
    assertThat(calls(RemoteCallKind.CANCEL)).isZero();
  }

  @Test
  void aCancellationNeedsAReason() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);

    assertThat(
            left(
                app.useCases()
                    .cancelRequest()
                    .cancel(new CancelRequestCommand(query(request), " "))))
        .isInstanceOf(UseCaseError.InvalidInput.class);
  }

  @Test
  void choosingAnOfferedCandidateMovesTheRequestToProcessing() {
    CertificateRequest request = awaitingSelection();
    String searchId = request.searches().last().searchId();

    CertificateRequest chosen =
        right(
            app.useCases()
                .selectCandidate()
                .select(new SelectCandidateCommand(query(request), searchId, 1)));

    assertThat(chosen.status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(chosen.selection().map(s -> s.index())).contains(1);
  }

  @Test
  void aChoiceUpstreamTookIsKeptWhenARereadMovedTheRequestOnMeanwhile() {
    AtomicBoolean rereadFirst = new AtomicBoolean();
    TestApplication racing =
        InterceptedRepository.otherWriterFirst(
            request -> request.selection().isDefined(),
            // A webhook's re-read stores the new status before the choice is stored.
            (app, request) -> {
              rereadFirst.set(true);
              right(app.useCases().refreshRequest().refresh(query(request)));
            });
    racing.visengine().register(SEARCHED);
    CertificateRequest request = awaitingSelection(racing);
    String searchId = request.searches().last().searchId();

    CertificateRequest chosen =
        right(
            racing
                .useCases()
                .selectCandidate()
                .select(new SelectCandidateCommand(query(request), searchId, 1)));

    assertThat(rereadFirst).isTrue();
    assertThat(chosen.status()).isEqualTo(RequestStatus.PROCESSING);
    assertThat(chosen.selection().map(s -> s.index())).contains(1);
  }

  @Test
  void choosingACandidateNotOfferedIsRefusedWithoutACall() {
    CertificateRequest request = awaitingSelection();
    String searchId = request.searches().last().searchId();

    assertThat(
            left(
                app.useCases()
                    .selectCandidate()
                    .select(new SelectCandidateCommand(query(request), searchId, 7))))
        .isEqualTo(
            new UseCaseError.LifecycleRefused(new LifecycleError.UnknownCandidate(searchId, 7)));
    assertThat(calls(RemoteCallKind.SELECTION)).isZero();
  }

  @Test
  void choosingBeforeTheSearchFinishedIsRefusedWithoutACall() {
    CertificateRequest request = open(app, "r1", "alice", SEARCHED);

    assertThat(
            left(
                app.useCases()
                    .selectCandidate()
                    .select(
                        new SelectCandidateCommand(query(request), upstreamId(request) + "_0", 0))))
        .isInstanceOf(UseCaseError.LifecycleRefused.class);
    assertThat(calls(RemoteCallKind.SELECTION)).isZero();
  }

  @Test
  void anotherSearchIsSentWithTheNewValuesOnlyAndReplacesTheChoice() {
    CertificateRequest request = awaitingSelection();

    CertificateRequest searching =
        right(
            app.useCases()
                .addSearch()
                .addSearch(new AddSearchCommand(query(request), HashMap.of("$0", "Giuseppe"))));

    assertThat(calls(RemoteCallKind.SEARCH)).isEqualTo(1);
    assertThat(app.visengine().searchCharges(upstreamId(request))).isEqualTo(1);
    assertThat(searching.status()).isEqualTo(RequestStatus.SEARCHING);
    assertThat(searching.searches()).hasSize(2);
  }

  @Test
  void aSearchOnAProductWithoutASearchPhaseIsRefusedWithoutACall() {
    CertificateRequest request = open(app, "r1", "alice", PLAIN);

    assertThat(
            left(
                app.useCases()
                    .addSearch()
                    .addSearch(new AddSearchCommand(query(request), HashMap.of("$0", "Mario")))))
        .isEqualTo(new UseCaseError.LifecycleRefused(new LifecycleError.NoSearchPhase()));
    assertThat(calls(RemoteCallKind.SEARCH)).isZero();
  }

  @Test
  void aSearchAfterTheSearchPhaseIsRefusedByTheLifecycleWithoutACall() {
    CertificateRequest request = open(app, "r1", "alice", SEARCHED);
    app.visengine().advance(upstreamId(request), RequestStatus.PROCESSING);
    right(app.useCases().refreshRequest().refresh(query(request)));

    assertThat(
            left(
                app.useCases()
                    .addSearch()
                    .addSearch(new AddSearchCommand(query(request), HashMap.of("$0", "Mario")))))
        .isEqualTo(
            new UseCaseError.LifecycleRefused(
                new LifecycleError.NotSearching(RequestStatus.PROCESSING)));
    assertThat(calls(RemoteCallKind.SEARCH)).isZero();
  }

  @Test
  void aSearchWithInvalidValuesIsRefusedWithoutACall() {
    CertificateRequest request = awaitingSelection();

    assertThat(
            left(
                app.useCases()
                    .addSearch()
                    .addSearch(new AddSearchCommand(query(request), HashMap.of("$4", "x")))))
        .isInstanceOf(UseCaseError.InvalidInput.class);
    assertThat(calls(RemoteCallKind.SEARCH)).isZero();
  }
}

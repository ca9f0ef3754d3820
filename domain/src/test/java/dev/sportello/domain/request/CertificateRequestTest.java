package dev.sportello.domain.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.fixtures.SeedCertificates;
import dev.sportello.domain.fixtures.TaxCodes;
import dev.sportello.domain.submission.Quote;
import dev.sportello.domain.submission.Submission;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificateRequestTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant T1 = T0.plusSeconds(1);
  private static final Instant T2 = T0.plusSeconds(2);
  private static final Instant T3 = T0.plusSeconds(3);
  private static final UpstreamId UPSTREAM = new UpstreamId("5f2829ce065afc21cc60ad0e");
  private static final Instant UPSTREAM_TIME = Instant.ofEpochSecond(1596467663);
  private static final String REFERENCE = "pratica-4711";
  private static final String EMAIL = "mario.rossi@example.com";

  private static final Certificate FAMILY_STATUS = SeedCertificates.familyStatus();
  private static final Submission SUBMISSION =
      new Submission(
          FAMILY_STATUS.id(),
          FAMILY_STATUS.engine(),
          TreeMap.of(new FieldKey("$0"), "Mario", new FieldKey("$7"), TaxCodes.MARIO_ROSSI),
          List.empty(),
          Quote.of(FAMILY_STATUS, List.empty()));

  private static CertificateRequest accepted() {
    return CertificateRequest.accept(
        new RequestId("req-1"),
        "caller-a",
        "Certificato stato di famiglia",
        SUBMISSION,
        Option.some(REFERENCE),
        Option.some(EMAIL),
        T0);
  }

  private static CertificateRequest drafted() {
    return accepted().recordDraft(UPSTREAM, T1).get();
  }

  private static CertificateRequest closed() {
    return drafted().recordClosed(T1).get();
  }

  private static CertificateRequest in(RequestStatus status) {
    return closed().moveTo(status, T1, "").get();
  }

  private static SearchRound completedRound(String id, int... indexes) {
    return new SearchRound(
        id,
        SearchRound.State.COMPLETED,
        List.ofAll(indexes)
            .map(index -> new SearchCandidate(index, TreeMap.of("Denominazione", "ACME SPA"))));
  }

  private static UpstreamView view(RequestStatus status) {
    return view(status, List.empty(), Option.none());
  }

  private static UpstreamView view(
      RequestStatus status, List<SearchRound> searches, Option<Outcome> outcome) {
    return new UpstreamView(true, status, searches, outcome, Option.none(), UPSTREAM_TIME);
  }

  private static void assertRefused(Either<String, RequestState> rebuilt) {
    assertThat(rebuilt.isLeft()).as("refused: %s", rebuilt).isTrue();
  }

  @Nested
  class Acceptance {
    @Test
    void anAcceptedRequestStartsItsHistoryWithNothingUpstream() {
      CertificateRequest request = accepted();

      assertThat(request.status()).isEqualTo(RequestStatus.ACCEPTED);
      assertThat(request.history())
          .containsExactly(new StatusChange(RequestStatus.ACCEPTED, T0, ""));
      assertThat(request.dispatch()).isEqualTo(new Dispatch.NotSent());
      assertThat(request.upstreamId()).isEmpty();
      assertThat(request.certificateId()).isEqualTo(FAMILY_STATUS.id());
      assertThat(request.createdAt()).isEqualTo(T0);
      assertThat(request.updatedAt()).isEqualTo(T0);
      assertThat(request.searches()).isEmpty();
      assertThat(request.selection()).isEmpty();
      assertThat(request.outcome()).isEmpty();
      assertThat(request.document()).isEmpty();
      assertThat(request.upstreamUpdatedAt()).isEmpty();
    }

    @Test
    void aRequestWhoseHistoryDoesNotEndInItsStatusCannotBeBuilt() {
      CertificateRequest request = accepted();

      assertThatThrownBy(() ->
              new CertificateRequest(
                  request.id(),
                  request.caller(),
                  request.certificateName(),
                  request.submission(),
                  request.reference(),
                  request.notifyEmail(),
                  new RequestState.Open(
                      RequestStatus.PROCESSING,
                      new RequestState.Upstream(
                          UPSTREAM, List.empty(), Option.none(), Option.none()),
                      Option.none()),
                  request.history(),
                  request.upstreamUpdatedAt(),
                  request.createdAt(),
                  request.updatedAt()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTextFormLeavesOutValuesReferenceEmailAndCaller() {
      CertificateRequest request = drafted();

      assertThat(request.toString())
          .contains("req-1", SeedCertificates.FAMILY_STATUS_ID, "ACCEPTED")
          .doesNotContain("Mario", TaxCodes.MARIO_ROSSI, REFERENCE, EMAIL, "caller-a");
      assertThat(request.submission().toString())
          .contains("$0", "$7")
          .doesNotContain("Mario", TaxCodes.MARIO_ROSSI);
    }
  }

  @Nested
  class TwoPhaseDispatch {
    @Test
    void aDraftIsRecordedOnARequestWithNothingUpstream() {
      CertificateRequest request = drafted();

      assertThat(request.dispatch()).isEqualTo(new Dispatch.Drafted(UPSTREAM, 0));
      assertThat(request.upstreamId()).contains(UPSTREAM);
      assertThat(request.awaitsDispatch()).isTrue();
      assertThat(request.updatedAt()).isEqualTo(T1);
    }

    @Test
    void aSecondDraftIsRefused() {
      assertThat(drafted().recordDraft(UPSTREAM, T2).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder(
                  "record a draft", "ACCEPTED with an upstream draft"));
    }

    @Test
    void aDraftForARequestNoLongerAcceptedIsRefused() {
      var refused = accepted().cancel("changed my mind", T1).get().recordDraft(UPSTREAM, T2);

      assertThat(refused.getLeft().message())
          .isEqualTo("cannot record a draft while the request is CANCELLED with nothing upstream");
    }

    @Test
    void eachCloseAttemptIsCountedOnTheSameDraft() {
      CertificateRequest request =
          drafted().recordCloseAttempt(T2).flatMap(r -> r.recordCloseAttempt(T3)).get();

      assertThat(request.dispatch()).isEqualTo(new Dispatch.Drafted(UPSTREAM, 2));
      assertThat(request.updatedAt()).isEqualTo(T3);
    }

    @Test
    void aCloseAttemptWithoutADraftIsRefused() {
      assertThat(accepted().recordCloseAttempt(T1).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder("close", "ACCEPTED with nothing upstream"));
    }

    @Test
    void aCloseAttemptAfterTheCloseIsRefused() {
      CertificateRequest closed = drafted().recordClosed(T2).get();

      assertThat(closed.recordCloseAttempt(T3).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder("close", "ACCEPTED and closed upstream"));
    }

    @Test
    void aCloseAttemptOnACancelledRequestIsRefused() {
      CertificateRequest cancelled = drafted().cancel("duplicate", T2).get();

      assertThat(cancelled.recordCloseAttempt(T3).getLeft())
          .isInstanceOf(LifecycleError.DispatchOutOfOrder.class);
    }

    @Test
    void aCloseTurnsTheDraftIntoAClosedRequest() {
      CertificateRequest closed = drafted().recordCloseAttempt(T2).get().recordClosed(T3).get();

      assertThat(closed.dispatch()).isEqualTo(new Dispatch.Closed(UPSTREAM));
      assertThat(closed.upstreamId()).contains(UPSTREAM);
      assertThat(closed.awaitsDispatch()).isFalse();
      assertThat(closed.updatedAt()).isEqualTo(T3);
    }

    @Test
    void aCloseRecordedTwiceChangesNothing() {
      CertificateRequest closed = drafted().recordClosed(T2).get();

      assertThat(closed.recordClosed(T3).get()).isSameAs(closed);
    }

    @Test
    void aCloseIsRecordedEvenWhenUpstreamWasSeenProcessingFirst() {
      CertificateRequest processing =
          drafted().observe(view(RequestStatus.PROCESSING), T2).request();

      assertThat(processing.dispatch()).isEqualTo(new Dispatch.Closed(UPSTREAM));
      assertThat(processing.status()).isEqualTo(RequestStatus.PROCESSING);
    }

    @Test
    void aCloseRecordedOnADraftCancelledMeanwhileKeepsItCancelled() {
      CertificateRequest cancelled = drafted().cancel("duplicate", T2).get();

      CertificateRequest closed = cancelled.recordClosed(T3).get();

      assertThat(closed.status()).isEqualTo(RequestStatus.CANCELLED);
      assertThat(closed.dispatch()).isEqualTo(new Dispatch.Closed(UPSTREAM));
      assertThat(closed.history()).isEqualTo(cancelled.history());
    }

    @Test
    void aCloseWithoutADraftIsRefused() {
      assertThat(accepted().recordClosed(T1).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder(
                  "record a close", "ACCEPTED with nothing upstream"));
    }
  }

  @Nested
  class StatusMoves {
    @Test
    void movingToTheCurrentStatusChangesNothing() {
      CertificateRequest request = accepted();

      assertThat(request.moveTo(RequestStatus.ACCEPTED, T1, "again").get()).isSameAs(request);
    }

    @Test
    void aMoveIsAppendedToTheHistoryWithItsTimeAndNote() {
      CertificateRequest request =
          closed().moveTo(RequestStatus.PROCESSING, T1, "In erogazione").get();

      assertThat(request.status()).isEqualTo(RequestStatus.PROCESSING);
      assertThat(request.history())
          .containsExactly(
              new StatusChange(RequestStatus.ACCEPTED, T0, ""),
              new StatusChange(RequestStatus.PROCESSING, T1, "In erogazione"));
      assertThat(request.updatedAt()).isEqualTo(T1);
    }

    @Test
    void aForwardJumpSkippingStatesIsAllowed() {
      assertThat(closed().moveTo(RequestStatus.FULFILLED, T1, "").get().status())
          .isEqualTo(RequestStatus.FULFILLED);
    }

    @Test
    void goingBackIsRefusedAndChangesNothing() {
      CertificateRequest processing = in(RequestStatus.PROCESSING);

      Either<LifecycleError, CertificateRequest> moved =
          processing.moveTo(RequestStatus.SEARCHING, T2, "");

      assertThat(moved.getLeft())
          .isEqualTo(
              new LifecycleError.IllegalTransition(
                  RequestStatus.PROCESSING, RequestStatus.SEARCHING));
      assertThat(moved.getLeft().message())
          .isEqualTo("the request cannot go back from PROCESSING to SEARCHING");
      assertThat(processing.status()).isEqualTo(RequestStatus.PROCESSING);
      assertThat(processing.history()).hasSize(2);
    }

    @Test
    void leavingATerminalStatusIsRefused() {
      var moved = in(RequestStatus.FULFILLED).moveTo(RequestStatus.CANCELLED, T2, "");

      assertThat(moved.getLeft().message())
          .isEqualTo("the request is FULFILLED and can no longer change (to CANCELLED)");
    }

    @Test
    void aRejectionEndsTheRequestWithUpstreamSVerdict() {
      Outcome verdict = new Outcome("101", "Errore parametro input: codice fiscale");

      CertificateRequest rejected = drafted().reject(verdict, T2).get();

      assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
      assertThat(rejected.outcome()).contains(verdict);
      assertThat(rejected.history().last())
          .isEqualTo(new StatusChange(RequestStatus.REJECTED, T2, verdict.message()));
    }

    @Test
    void aFulfilledRequestCannotBeRejected() {
      var rejected = in(RequestStatus.FULFILLED).reject(new Outcome("101", "no"), T2);

      assertThat(rejected.getLeft())
          .isEqualTo(
              new LifecycleError.IllegalTransition(
                  RequestStatus.FULFILLED, RequestStatus.REJECTED));
    }

    @Test
    void aNewerVerdictReplacesARejectionSVerdictWithoutANewStatus() {
      CertificateRequest rejected = drafted().reject(new Outcome("101", "first"), T2).get();
      Outcome newer = new Outcome("102", "second");

      CertificateRequest again = rejected.reject(newer, T3).get();

      assertThat(again.outcome()).contains(newer);
      assertThat(again.history()).isEqualTo(rejected.history());
    }

    @Test
    void aCancelledRequestCancelledAgainStaysAsItIs() {
      CertificateRequest cancelled = accepted().cancel("ordered twice", T1).get();

      assertThat(cancelled.cancel("again", T2).get()).isSameAs(cancelled);
    }

    @Test
    void aCancellationKeepsItsReason() {
      CertificateRequest cancelled = accepted().cancel("ordered twice", T1).get();

      assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
      assertThat(cancelled.history().last().note()).isEqualTo("ordered twice");
      assertThat(cancelled.awaitsDispatch()).isFalse();
    }
  }

  @Nested
  class Selecting {
    private final CertificateRequest awaiting =
        in(RequestStatus.AWAITING_SELECTION)
            .withSearches(List.of(completedRound("s_1", 0, 1)), T2)
            .get();

    @Test
    void aCandidateOfTheLatestRoundIsSelected() {
      CertificateRequest selected = awaiting.select("s_1", 1, T3).get();

      assertThat(selected.selection()).contains(new Selection("s_1", 1, T3));
      assertThat(selected.status()).isEqualTo(RequestStatus.AWAITING_SELECTION);
      assertThat(selected.updatedAt()).isEqualTo(T3);
    }

    @Test
    void nothingIsSelectedOutsideAwaitingSelection() {
      CertificateRequest processing = awaiting.moveTo(RequestStatus.PROCESSING, T3, "").get();

      assertThat(processing.select("s_1", 0, T3).getLeft())
          .isEqualTo(new LifecycleError.NothingToSelect(RequestStatus.PROCESSING));
    }

    @Test
    void nothingIsSelectedWithoutASearchRound() {
      assertThat(in(RequestStatus.AWAITING_SELECTION).select("s_1", 0, T2).getLeft())
          .isEqualTo(new LifecycleError.NothingToSelect(RequestStatus.AWAITING_SELECTION));
    }

    @Test
    void nothingIsSelectedWhileTheLatestRoundRuns() {
      CertificateRequest searching =
          awaiting
              .withSearches(
                  awaiting
                      .searches()
                      .append(new SearchRound("s_2", SearchRound.State.RUNNING, List.empty())),
                  T3)
              .get();

      assertThat(searching.select("s_1", 0, T3).getLeft())
          .isInstanceOf(LifecycleError.NothingToSelect.class);
    }

    @Test
    void nothingIsSelectedFromARoundWithoutCandidates() {
      CertificateRequest empty = awaiting.withSearches(List.of(completedRound("s_1")), T3).get();

      assertThat(empty.select("s_1", 0, T3).getLeft().message())
          .isEqualTo("the request is AWAITING_SELECTION; there are no candidates to choose from");
    }

    @Test
    void aCandidateOfAnotherRoundIsRefused() {
      assertThat(awaiting.select("s_0", 0, T3).getLeft())
          .isEqualTo(new LifecycleError.UnknownCandidate("s_0", 0));
    }

    @Test
    void aCandidateTheRoundDidNotOfferIsRefused() {
      var refused = awaiting.select("s_1", 2, T3);

      assertThat(refused.getLeft()).isEqualTo(new LifecycleError.UnknownCandidate("s_1", 2));
      assertThat(refused.getLeft().message()).isEqualTo("search s_1 offers no candidate 2");
    }

    @Test
    void aChoiceUpstreamAcceptedIsRecordedAfterTheRequestMovedOn() {
      CertificateRequest processing = awaiting.moveTo(RequestStatus.PROCESSING, T3, "").get();

      CertificateRequest recorded = processing.recordSelection("s_1", 1, T3).get();

      assertThat(recorded.selection()).contains(new Selection("s_1", 1, T3));
      assertThat(recorded.status()).isEqualTo(RequestStatus.PROCESSING);
      assertThat(recorded.history()).isEqualTo(processing.history());
    }

    @Test
    void aChoiceNoRoundOfferedIsNotRecorded() {
      assertThat(awaiting.recordSelection("s_1", 2, T3).getLeft())
          .isEqualTo(new LifecycleError.UnknownCandidate("s_1", 2));
      assertThat(awaiting.recordSelection("s_9", 0, T3).getLeft())
          .isEqualTo(new LifecycleError.UnknownCandidate("s_9", 0));
    }
  }

  @Nested
  class UpstreamUpdates {
    @Test
    void newSearchRoundsReplaceTheOldOnes() {
      List<SearchRound> rounds = List.of(completedRound("s_1", 0));

      CertificateRequest updated = closed().withSearches(rounds, T1).get();

      assertThat(updated.searches()).isEqualTo(rounds);
      assertThat(updated.updatedAt()).isEqualTo(T1);
    }

    @Test
    void theSameSearchRoundsChangeNothing() {
      CertificateRequest request =
          closed().withSearches(List.of(completedRound("s_1", 0)), T1).get();

      assertThat(request.withSearches(List.of(completedRound("s_1", 0)), T2).get())
          .isSameAs(request);
    }

    @Test
    void anOutcomeIsRecordedOnce() {
      Outcome ok = new Outcome("0", "OK");
      CertificateRequest request = accepted().withOutcome(ok, T1);

      assertThat(request.outcome()).contains(ok);
      assertThat(request.updatedAt()).isEqualTo(T1);
      assertThat(request.withOutcome(new Outcome("0", "OK"), T2)).isSameAs(request);
    }

    @Test
    void aDocumentIsRecordedOnce() {
      DocumentRef stored = new DocumentRef("5f2829ce065afc21cc60ad0e.zip", 10206, "ab".repeat(32));
      CertificateRequest request = in(RequestStatus.FULFILLED).attachDocument(stored, T2).get();

      assertThat(request.document()).contains(stored);
      assertThat(request.updatedAt()).isEqualTo(T2);
      assertThat(request.attachDocument(stored, T3).get()).isSameAs(request);
    }

    @Test
    void upstreamSUpdateTimeIsKeptWithoutChangingOurs() {
      Instant upstreamTime = Instant.ofEpochSecond(1596467663);

      CertificateRequest request = accepted().withUpstreamUpdatedAt(upstreamTime);

      assertThat(request.upstreamUpdatedAt()).contains(upstreamTime);
      assertThat(request.updatedAt()).isEqualTo(T0);
      assertThat(request.withUpstreamUpdatedAt(upstreamTime)).isSameAs(request);
    }
  }

  @Nested
  class ObservingUpstream {
    @Test
    void aDraftSViewRecordsTheVerdictAndKeepsTheStatus() {
      Outcome ok = new Outcome("0", "OK");
      UpstreamView draft =
          new UpstreamView(
              false, RequestStatus.ACCEPTED, List.empty(), Option.some(ok), Option.none(), T1);

      Observation seen = drafted().observe(draft, T2);

      assertThat(seen.request().dispatch()).isEqualTo(new Dispatch.Drafted(UPSTREAM, 0));
      assertThat(seen.request().outcome()).contains(ok);
      assertThat(seen.request().upstreamUpdatedAt()).contains(T1);
      assertThat(seen.refused()).isEmpty();
    }

    @Test
    void searchesAndStatusUpstreamShowsAreApplied() {
      List<SearchRound> rounds = List.of(completedRound("s_1", 0, 1));

      Observation seen =
          closed().observe(view(RequestStatus.AWAITING_SELECTION, rounds, Option.none()), T2);

      assertThat(seen.request().status()).isEqualTo(RequestStatus.AWAITING_SELECTION);
      assertThat(seen.request().searches()).isEqualTo(rounds);
      assertThat(seen.request().upstreamUpdatedAt()).contains(UPSTREAM_TIME);
      assertThat(seen.refused()).isEmpty();
    }

    @Test
    void aCancellationUpstreamWithAFailedVerdictIsARejection() {
      Outcome failed = new Outcome("101", "Errore parametro input");

      Observation seen =
          closed().observe(view(RequestStatus.CANCELLED, List.empty(), Option.some(failed)), T2);

      assertThat(seen.request().state())
          .isEqualTo(
              new RequestState.Rejected(
                  new RequestState.Upstream(UPSTREAM, List.empty(), Option.none(), Option.none()),
                  failed));
      assertThat(seen.request().history().last())
          .isEqualTo(new StatusChange(RequestStatus.REJECTED, T2, failed.message()));
    }

    @Test
    void aCancellationUpstreamWithAGoodVerdictIsACancellationWithItsReason() {
      UpstreamView cancelled =
          new UpstreamView(
              true,
              RequestStatus.CANCELLED,
              List.empty(),
              Option.some(new Outcome("0", "OK")),
              Option.some("richiesta del cliente"),
              UPSTREAM_TIME);

      CertificateRequest seen = closed().observe(cancelled, T2).request();

      assertThat(seen.status()).isEqualTo(RequestStatus.CANCELLED);
      assertThat(seen.history().last().note()).isEqualTo("richiesta del cliente");
    }

    @Test
    void aCancellationUpstreamWithoutAReasonSaysSo() {
      CertificateRequest seen = closed().observe(view(RequestStatus.CANCELLED), T2).request();

      assertThat(seen.history().last().note()).isEqualTo("cancelled upstream");
    }

    @Test
    void aMoveBackIsKeptAsideWhileTheRestIsApplied() {
      CertificateRequest processing = in(RequestStatus.PROCESSING);
      List<SearchRound> rounds = List.of(completedRound("s_1", 0));

      Observation seen =
          processing.observe(view(RequestStatus.SEARCHING, rounds, Option.none()), T2);

      assertThat(seen.refused())
          .contains(
              new LifecycleError.IllegalTransition(
                  RequestStatus.PROCESSING, RequestStatus.SEARCHING));
      assertThat(seen.request().status()).isEqualTo(RequestStatus.PROCESSING);
      assertThat(seen.request().history()).isEqualTo(processing.history());
      assertThat(seen.request().searches()).isEqualTo(rounds);
      assertThat(seen.request().upstreamUpdatedAt()).contains(UPSTREAM_TIME);
    }

    @Test
    void aStatusFromTheListMovesTheRequestAndKeepsUpstreamSTime() {
      Observation seen =
          in(RequestStatus.PROCESSING).observeStatus(RequestStatus.FULFILLED, T1, T2);

      assertThat(seen.request().status()).isEqualTo(RequestStatus.FULFILLED);
      assertThat(seen.request().upstreamUpdatedAt()).contains(T1);
      assertThat(seen.refused()).isEmpty();
    }

    @Test
    void aStatusFromTheListThatGoesBackIsKeptAside() {
      CertificateRequest fulfilled = in(RequestStatus.FULFILLED);

      Observation seen = fulfilled.observeStatus(RequestStatus.PROCESSING, T1, T2);

      assertThat(seen.refused())
          .contains(
              new LifecycleError.IllegalTransition(
                  RequestStatus.FULFILLED, RequestStatus.PROCESSING));
      assertThat(seen.request().status()).isEqualTo(RequestStatus.FULFILLED);
    }
  }

  @Nested
  class UseCasePreconditions {
    private final Certificate withSearchPhase =
        new Certificate(
            FAMILY_STATUS.id(),
            FAMILY_STATUS.engine(),
            FAMILY_STATUS.name(),
            FAMILY_STATUS.category(),
            FAMILY_STATUS.documentPrice(),
            FAMILY_STATUS.searchPrice(),
            true,
            FAMILY_STATUS.synchronous(),
            FAMILY_STATUS.extras(),
            FAMILY_STATUS.schema(),
            FAMILY_STATUS.instructions(),
            FAMILY_STATUS.searchInstructions());

    @Test
    void aSearchGoesToTheUpstreamRequestWhileItSearchesOrAwaitsASelection() {
      assertThat(in(RequestStatus.SEARCHING).searchTarget(withSearchPhase)).contains(UPSTREAM);
      assertThat(in(RequestStatus.AWAITING_SELECTION).searchTarget(withSearchPhase))
          .contains(UPSTREAM);
    }

    @Test
    void aSearchForAProductWithoutASearchPhaseIsRefused() {
      assertThat(in(RequestStatus.SEARCHING).searchTarget(FAMILY_STATUS).getLeft())
          .isEqualTo(new LifecycleError.NoSearchPhase());
    }

    @Test
    void aSearchOutsideTheSearchPhaseIsRefused() {
      for (CertificateRequest request :
          List.of(accepted(), drafted(), closed(), in(RequestStatus.PROCESSING))) {
        assertThat(request.searchTarget(withSearchPhase).getLeft())
            .isEqualTo(new LifecycleError.NotSearching(request.status()));
      }
      assertThat(in(RequestStatus.PROCESSING).searchTarget(withSearchPhase).getLeft().message())
          .isEqualTo(
              "a search can be added only while the request is searching or awaiting a selection;"
                  + " it is PROCESSING");
    }

    @Test
    void aCancellationWithdrawsWhatExistsUpstream() {
      assertThat(accepted().cancellationTarget()).contains(new Dispatch.NotSent());
      assertThat(drafted().cancellationTarget()).contains(new Dispatch.Drafted(UPSTREAM, 0));
      assertThat(in(RequestStatus.PROCESSING).cancellationTarget())
          .contains(new Dispatch.Closed(UPSTREAM));
    }

    @Test
    void aRequestThatEndedCannotBeCancelledAgain() {
      CertificateRequest cancelled = accepted().cancel("ordered twice", T1).get();

      assertThat(cancelled.cancellationTarget().getLeft())
          .isEqualTo(
              new LifecycleError.IllegalTransition(
                  RequestStatus.CANCELLED, RequestStatus.CANCELLED));
      assertThat(in(RequestStatus.FULFILLED).cancellationTarget().getLeft().message())
          .isEqualTo("the request is FULFILLED and can no longer change (to CANCELLED)");
    }

    @Test
    void aChoiceGoesToTheUpstreamRequestAwaitingIt() {
      CertificateRequest awaiting =
          in(RequestStatus.AWAITING_SELECTION)
              .withSearches(List.of(completedRound("s_1", 0)), T2)
              .get();

      assertThat(awaiting.selectionTarget("s_1", 0)).contains(UPSTREAM);
    }

    @Test
    void aDocumentIsAwaitedOnceUpstreamProducedItAndUntilItIsStored() {
      DocumentRef stored = new DocumentRef("x.zip", 1, "00");
      CertificateRequest available = in(RequestStatus.DATA_AVAILABLE);

      assertThat(in(RequestStatus.PROCESSING).awaitedDocument()).isEmpty();
      assertThat(available.awaitedDocument()).contains(UPSTREAM);
      assertThat(in(RequestStatus.FULFILLED).awaitedDocument()).contains(UPSTREAM);
      assertThat(available.attachDocument(stored, T2).get().awaitedDocument()).isEmpty();
    }

    @Test
    void aDocumentUpstreamHasNotProducedIsNotAttached() {
      DocumentRef stored = new DocumentRef("x.zip", 1, "00");

      assertThat(in(RequestStatus.PROCESSING).attachDocument(stored, T2).getLeft())
          .isEqualTo(new LifecycleError.DocumentNotIssued(RequestStatus.PROCESSING));
      assertThat(drafted().attachDocument(stored, T2).getLeft())
          .isEqualTo(new LifecycleError.DocumentNotIssued(RequestStatus.ACCEPTED));
    }

    @Test
    void aDocumentFetchedWhileTheRequestWasCancelledIsKept() {
      DocumentRef stored = new DocumentRef("x.zip", 1, "00");
      CertificateRequest cancelled =
          in(RequestStatus.DATA_AVAILABLE).cancel("no longer needed", T2).get();

      assertThat(cancelled.attachDocument(stored, T3).get().document()).contains(stored);
    }
  }

  /**
   * The combinations the lifecycle never produces: there is no constructor or factory that builds
   * them, and no move that reaches them.
   */
  @Nested
  class IllegalStatesCannotBeBuilt {
    private final List<RequestStatus> pastAcceptance =
        List.of(
            RequestStatus.SEARCHING,
            RequestStatus.AWAITING_SELECTION,
            RequestStatus.PROCESSING,
            RequestStatus.DATA_AVAILABLE,
            RequestStatus.FULFILLED);

    @Test
    void aRequestNotClosedUpstreamIsAcceptedByType() {
      assertThat(new RequestState.Accepted(new Dispatch.NotSent(), Option.none()).status())
          .isEqualTo(RequestStatus.ACCEPTED);
      assertThat(
              new RequestState.Accepted(new Dispatch.Drafted(UPSTREAM, 2), Option.none()).status())
          .isEqualTo(RequestStatus.ACCEPTED);
    }

    @Test
    void noMoveTakesARequestNotClosedUpstreamPastAcceptance() {
      for (RequestStatus status : pastAcceptance) {
        assertThat(accepted().moveTo(status, T1, "").getLeft())
            .isEqualTo(
                new LifecycleError.DispatchOutOfOrder(
                    "move to " + status, "ACCEPTED with nothing upstream"));
        assertThat(drafted().moveTo(status, T2, "").getLeft())
            .isEqualTo(
                new LifecycleError.DispatchOutOfOrder(
                    "move to " + status, "ACCEPTED with an upstream draft"));
      }
    }

    @Test
    void aDraftSViewOfALaterStatusDoesNotMoveIt() {
      UpstreamView draft =
          new UpstreamView(
              false, RequestStatus.PROCESSING, List.empty(), Option.none(), Option.none(), T1);

      assertThat(drafted().observe(draft, T2).request().status()).isEqualTo(RequestStatus.ACCEPTED);
    }

    @Test
    void noStoredStatePastAcceptanceIsRebuiltWithoutAClose() {
      for (RequestStatus status : pastAcceptance) {
        for (Dispatch pending :
            List.<Dispatch>of(new Dispatch.NotSent(), new Dispatch.Drafted(UPSTREAM, 1))) {
          assertRefused(
              RequestState.of(
                  status, pending, List.empty(), Option.none(), Option.none(), Option.none()));
        }
      }
    }

    @Test
    void aRejectionNeedsUpstreamSVerdict() {
      assertThat(in(RequestStatus.PROCESSING).moveTo(RequestStatus.REJECTED, T2, "").getLeft())
          .isEqualTo(new LifecycleError.VerdictRequired());
      assertRefused(
          RequestState.of(
              RequestStatus.REJECTED,
              new Dispatch.Closed(UPSTREAM),
              List.empty(),
              Option.none(),
              Option.none(),
              Option.none()));
    }

    @Test
    void searchesChoicesAndDocumentsNeedAClose() {
      SearchRound round = completedRound("s_1", 0);
      DocumentRef stored = new DocumentRef("x.zip", 1, "00");

      assertThat(drafted().withSearches(List.of(round), T2).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder(
                  "record searches", "ACCEPTED with an upstream draft"));
      assertThat(drafted().recordSelection("s_1", 0, T2).getLeft())
          .isEqualTo(new LifecycleError.UnknownCandidate("s_1", 0));
      assertRefused(
          RequestState.of(
              RequestStatus.ACCEPTED,
              new Dispatch.Drafted(UPSTREAM, 0),
              List.of(round),
              Option.none(),
              Option.none(),
              Option.none()));
      assertRefused(
          RequestState.of(
              RequestStatus.CANCELLED,
              new Dispatch.NotSent(),
              List.empty(),
              Option.none(),
              Option.none(),
              Option.some(stored)));
    }

    @Test
    void aDocumentNeedsUpstreamToHaveProducedIt() {
      RequestState.Upstream withDocument =
          new RequestState.Upstream(
              UPSTREAM,
              List.empty(),
              Option.none(),
              Option.some(new DocumentRef("x.zip", 1, "00")));

      assertThatThrownBy(
              () -> new RequestState.Open(RequestStatus.PROCESSING, withDocument, Option.none()))
          .isInstanceOf(IllegalArgumentException.class);
      assertRefused(
          RequestState.of(
              RequestStatus.PROCESSING,
              new Dispatch.Closed(UPSTREAM),
              List.empty(),
              Option.none(),
              Option.none(),
              withDocument.document()));
    }

    @Test
    void anOpenRequestIsNeverInATerminalStatus() {
      RequestState.Upstream current =
          new RequestState.Upstream(UPSTREAM, List.empty(), Option.none(), Option.none());

      for (RequestStatus terminal : RequestStatus.terminal()) {
        assertThatThrownBy(() -> new RequestState.Open(terminal, current, Option.none()))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }

    @Test
    void everyStateTheLifecycleReachesIsRebuiltFromItsParts() {
      Outcome failed = new Outcome("101", "no");
      DocumentRef stored = new DocumentRef("x.zip", 1, "00");
      List<CertificateRequest> reached =
          List.of(
              accepted(),
              drafted(),
              closed(),
              in(RequestStatus.AWAITING_SELECTION)
                  .withSearches(List.of(completedRound("s_1", 0)), T2)
                  .flatMap(r -> r.select("s_1", 0, T2))
                  .get(),
              in(RequestStatus.DATA_AVAILABLE).attachDocument(stored, T2).get(),
              in(RequestStatus.FULFILLED).withOutcome(new Outcome("0", "OK"), T2),
              accepted().reject(failed, T1).get(),
              drafted().reject(failed, T2).get(),
              in(RequestStatus.PROCESSING).reject(failed, T2).get(),
              accepted().cancel("no", T1).get(),
              drafted().cancel("no", T2).get(),
              in(RequestStatus.DATA_AVAILABLE)
                  .attachDocument(stored, T2)
                  .flatMap(r -> r.cancel("no", T3))
                  .get());

      for (CertificateRequest request : reached) {
        assertThat(
                RequestState.of(
                    request.status(),
                    request.dispatch(),
                    request.searches(),
                    request.selection(),
                    request.outcome(),
                    request.document()))
            .contains(request.state());
      }
    }
  }
}

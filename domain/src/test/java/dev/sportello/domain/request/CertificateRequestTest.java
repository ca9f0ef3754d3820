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
  private static final String REFERENCE = "pratica-4711";
  private static final String EMAIL = "mario.rossi@example.com";

  private static final Certificate FAMILY_STATUS = SeedCertificates.familyStatus();
  private static final Submission SUBMISSION =
      new Submission(
          FAMILY_STATUS.id(),
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

  private static CertificateRequest in(RequestStatus status) {
    return accepted().moveTo(status, T1, "").get();
  }

  private static SearchRound completedRound(String id, int... indexes) {
    return new SearchRound(
        id,
        SearchRound.State.COMPLETED,
        List.ofAll(indexes)
            .map(index -> new SearchCandidate(index, TreeMap.of("Denominazione", "ACME SPA"))));
  }

  @Nested
  class Acceptance {
    @Test
    void an_accepted_request_starts_its_history_with_nothing_upstream() {
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
    void a_request_whose_history_does_not_end_in_its_status_cannot_be_built() {
      CertificateRequest request = accepted();

      assertThatThrownBy(() ->
              new CertificateRequest(
                  request.id(),
                  request.caller(),
                  request.certificateName(),
                  request.submission(),
                  request.reference(),
                  request.notifyEmail(),
                  request.dispatch(),
                  RequestStatus.PROCESSING,
                  request.history(),
                  request.searches(),
                  request.selection(),
                  request.outcome(),
                  request.document(),
                  request.upstreamUpdatedAt(),
                  request.createdAt(),
                  request.updatedAt()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_text_form_leaves_out_values_reference_email_and_caller() {
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
    void a_draft_is_recorded_on_a_request_with_nothing_upstream() {
      CertificateRequest request = drafted();

      assertThat(request.dispatch()).isEqualTo(new Dispatch.Drafted(UPSTREAM, 0));
      assertThat(request.upstreamId()).contains(UPSTREAM);
      assertThat(request.awaitsDispatch()).isTrue();
      assertThat(request.updatedAt()).isEqualTo(T1);
    }

    @Test
    void a_second_draft_is_refused() {
      assertThat(drafted().recordDraft(UPSTREAM, T2).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder(
                  "record a draft", "ACCEPTED with an upstream draft"));
    }

    @Test
    void a_draft_for_a_request_no_longer_accepted_is_refused() {
      var refused = accepted().cancel("changed my mind", T1).get().recordDraft(UPSTREAM, T2);

      assertThat(refused.getLeft().message())
          .isEqualTo("cannot record a draft while the request is CANCELLED with nothing upstream");
    }

    @Test
    void each_close_attempt_is_counted_on_the_same_draft() {
      CertificateRequest request =
          drafted().recordCloseAttempt(T2).flatMap(r -> r.recordCloseAttempt(T3)).get();

      assertThat(request.dispatch()).isEqualTo(new Dispatch.Drafted(UPSTREAM, 2));
      assertThat(request.updatedAt()).isEqualTo(T3);
    }

    @Test
    void a_close_attempt_without_a_draft_is_refused() {
      assertThat(accepted().recordCloseAttempt(T1).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder("close", "ACCEPTED with nothing upstream"));
    }

    @Test
    void a_close_attempt_after_the_close_is_refused() {
      CertificateRequest closed = drafted().recordClosed(T2).get();

      assertThat(closed.recordCloseAttempt(T3).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder("close", "ACCEPTED and closed upstream"));
    }

    @Test
    void a_close_attempt_on_a_cancelled_request_is_refused() {
      CertificateRequest cancelled = drafted().cancel("duplicate", T2).get();

      assertThat(cancelled.recordCloseAttempt(T3).getLeft())
          .isInstanceOf(LifecycleError.DispatchOutOfOrder.class);
    }

    @Test
    void a_close_turns_the_draft_into_a_closed_request() {
      CertificateRequest closed = drafted().recordCloseAttempt(T2).get().recordClosed(T3).get();

      assertThat(closed.dispatch()).isEqualTo(new Dispatch.Closed(UPSTREAM));
      assertThat(closed.upstreamId()).contains(UPSTREAM);
      assertThat(closed.awaitsDispatch()).isFalse();
      assertThat(closed.updatedAt()).isEqualTo(T3);
    }

    @Test
    void a_close_recorded_twice_changes_nothing() {
      CertificateRequest closed = drafted().recordClosed(T2).get();

      assertThat(closed.recordClosed(T3).get()).isSameAs(closed);
    }

    @Test
    void a_close_is_recorded_even_when_upstream_was_seen_processing_first() {
      CertificateRequest processing = drafted().moveTo(RequestStatus.PROCESSING, T2, "").get();

      assertThat(processing.recordClosed(T3).get().dispatch())
          .isEqualTo(new Dispatch.Closed(UPSTREAM));
    }

    @Test
    void a_close_without_a_draft_is_refused() {
      assertThat(accepted().recordClosed(T1).getLeft())
          .isEqualTo(
              new LifecycleError.DispatchOutOfOrder(
                  "record a close", "ACCEPTED with nothing upstream"));
    }
  }

  @Nested
  class StatusMoves {
    @Test
    void moving_to_the_current_status_changes_nothing() {
      CertificateRequest request = accepted();

      assertThat(request.moveTo(RequestStatus.ACCEPTED, T1, "again").get()).isSameAs(request);
    }

    @Test
    void a_move_is_appended_to_the_history_with_its_time_and_note() {
      CertificateRequest request =
          accepted().moveTo(RequestStatus.PROCESSING, T1, "In erogazione").get();

      assertThat(request.status()).isEqualTo(RequestStatus.PROCESSING);
      assertThat(request.history())
          .containsExactly(
              new StatusChange(RequestStatus.ACCEPTED, T0, ""),
              new StatusChange(RequestStatus.PROCESSING, T1, "In erogazione"));
      assertThat(request.updatedAt()).isEqualTo(T1);
    }

    @Test
    void a_forward_jump_skipping_states_is_allowed() {
      assertThat(accepted().moveTo(RequestStatus.FULFILLED, T1, "").get().status())
          .isEqualTo(RequestStatus.FULFILLED);
    }

    @Test
    void going_back_is_refused_and_changes_nothing() {
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
    void leaving_a_terminal_status_is_refused() {
      var moved = in(RequestStatus.FULFILLED).moveTo(RequestStatus.CANCELLED, T2, "");

      assertThat(moved.getLeft().message())
          .isEqualTo("the request is FULFILLED and can no longer change (to CANCELLED)");
    }

    @Test
    void a_rejection_ends_the_request_with_upstream_s_verdict() {
      Outcome verdict = new Outcome("101", "Errore parametro input: codice fiscale");

      CertificateRequest rejected = drafted().reject(verdict, T2).get();

      assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
      assertThat(rejected.outcome()).contains(verdict);
      assertThat(rejected.history().last())
          .isEqualTo(new StatusChange(RequestStatus.REJECTED, T2, verdict.message()));
    }

    @Test
    void a_fulfilled_request_cannot_be_rejected() {
      var rejected = in(RequestStatus.FULFILLED).reject(new Outcome("101", "no"), T2);

      assertThat(rejected.getLeft())
          .isEqualTo(
              new LifecycleError.IllegalTransition(
                  RequestStatus.FULFILLED, RequestStatus.REJECTED));
    }

    @Test
    void a_cancellation_keeps_its_reason() {
      CertificateRequest cancelled = accepted().cancel("ordered twice", T1).get();

      assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
      assertThat(cancelled.history().last().note()).isEqualTo("ordered twice");
      assertThat(cancelled.awaitsDispatch()).isFalse();
    }
  }

  @Nested
  class Selecting {
    private final CertificateRequest awaiting =
        in(RequestStatus.AWAITING_SELECTION).withSearches(List.of(completedRound("s_1", 0, 1)), T2);

    @Test
    void a_candidate_of_the_latest_round_is_selected() {
      CertificateRequest selected = awaiting.select("s_1", 1, T3).get();

      assertThat(selected.selection()).contains(new Selection("s_1", 1, T3));
      assertThat(selected.status()).isEqualTo(RequestStatus.AWAITING_SELECTION);
      assertThat(selected.updatedAt()).isEqualTo(T3);
    }

    @Test
    void nothing_is_selected_outside_awaiting_selection() {
      CertificateRequest processing = awaiting.moveTo(RequestStatus.PROCESSING, T3, "").get();

      assertThat(processing.select("s_1", 0, T3).getLeft())
          .isEqualTo(new LifecycleError.NothingToSelect(RequestStatus.PROCESSING));
    }

    @Test
    void nothing_is_selected_without_a_search_round() {
      assertThat(in(RequestStatus.AWAITING_SELECTION).select("s_1", 0, T2).getLeft())
          .isEqualTo(new LifecycleError.NothingToSelect(RequestStatus.AWAITING_SELECTION));
    }

    @Test
    void nothing_is_selected_while_the_latest_round_runs() {
      CertificateRequest searching =
          awaiting.withSearches(
              awaiting
                  .searches()
                  .append(new SearchRound("s_2", SearchRound.State.RUNNING, List.empty())),
              T3);

      assertThat(searching.select("s_1", 0, T3).getLeft())
          .isInstanceOf(LifecycleError.NothingToSelect.class);
    }

    @Test
    void nothing_is_selected_from_a_round_without_candidates() {
      CertificateRequest empty = awaiting.withSearches(List.of(completedRound("s_1")), T3);

      assertThat(empty.select("s_1", 0, T3).getLeft().message())
          .isEqualTo("the request is AWAITING_SELECTION; there are no candidates to choose from");
    }

    @Test
    void a_candidate_of_another_round_is_refused() {
      assertThat(awaiting.select("s_0", 0, T3).getLeft())
          .isEqualTo(new LifecycleError.UnknownCandidate("s_0", 0));
    }

    @Test
    void a_candidate_the_round_did_not_offer_is_refused() {
      var refused = awaiting.select("s_1", 2, T3);

      assertThat(refused.getLeft()).isEqualTo(new LifecycleError.UnknownCandidate("s_1", 2));
      assertThat(refused.getLeft().message()).isEqualTo("search s_1 offers no candidate 2");
    }

    @Test
    void a_choice_upstream_accepted_is_recorded_after_the_request_moved_on() {
      CertificateRequest processing = awaiting.moveTo(RequestStatus.PROCESSING, T3, "").get();

      CertificateRequest recorded = processing.recordSelection("s_1", 1, T3).get();

      assertThat(recorded.selection()).contains(new Selection("s_1", 1, T3));
      assertThat(recorded.status()).isEqualTo(RequestStatus.PROCESSING);
      assertThat(recorded.history()).isEqualTo(processing.history());
    }

    @Test
    void a_choice_no_round_offered_is_not_recorded() {
      assertThat(awaiting.recordSelection("s_1", 2, T3).getLeft())
          .isEqualTo(new LifecycleError.UnknownCandidate("s_1", 2));
      assertThat(awaiting.recordSelection("s_9", 0, T3).getLeft())
          .isEqualTo(new LifecycleError.UnknownCandidate("s_9", 0));
    }
  }

  @Nested
  class UpstreamUpdates {
    @Test
    void new_search_rounds_replace_the_old_ones() {
      List<SearchRound> rounds = List.of(completedRound("s_1", 0));

      CertificateRequest updated = accepted().withSearches(rounds, T1);

      assertThat(updated.searches()).isEqualTo(rounds);
      assertThat(updated.updatedAt()).isEqualTo(T1);
    }

    @Test
    void the_same_search_rounds_change_nothing() {
      CertificateRequest request = accepted().withSearches(List.of(completedRound("s_1", 0)), T1);

      assertThat(request.withSearches(List.of(completedRound("s_1", 0)), T2)).isSameAs(request);
    }

    @Test
    void an_outcome_is_recorded_once() {
      Outcome ok = new Outcome("0", "OK");
      CertificateRequest request = accepted().withOutcome(ok, T1);

      assertThat(request.outcome()).contains(ok);
      assertThat(request.updatedAt()).isEqualTo(T1);
      assertThat(request.withOutcome(new Outcome("0", "OK"), T2)).isSameAs(request);
    }

    @Test
    void a_document_is_recorded_once() {
      DocumentRef stored = new DocumentRef("5f2829ce065afc21cc60ad0e.zip", 10206, "ab".repeat(32));
      CertificateRequest request = in(RequestStatus.FULFILLED).withDocument(stored, T2);

      assertThat(request.document()).contains(stored);
      assertThat(request.updatedAt()).isEqualTo(T2);
      assertThat(request.withDocument(stored, T3)).isSameAs(request);
    }

    @Test
    void upstream_s_update_time_is_kept_without_changing_ours() {
      Instant upstreamTime = Instant.ofEpochSecond(1596467663);

      CertificateRequest request = accepted().withUpstreamUpdatedAt(upstreamTime);

      assertThat(request.upstreamUpdatedAt()).contains(upstreamTime);
      assertThat(request.updatedAt()).isEqualTo(T0);
      assertThat(request.withUpstreamUpdatedAt(upstreamTime)).isSameAs(request);
    }
  }
}

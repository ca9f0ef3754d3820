package dev.sportello.domain.request;

import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.submission.Submission;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One order of a certificate, from acceptance to the issued document. Immutable: every change
 * returns a new request, and changes the lifecycle does not allow come back as a {@link
 * LifecycleError} instead.
 *
 * @param id our id
 * @param caller who asked for it; callers only ever see their own requests
 * @param certificateName the certificate's name when ordered
 * @param submission the checked, normalised values, the extras and the price
 * @param reference the caller's own reference, when given
 * @param notifyEmail where upstream also mails the document, when given
 * @param dispatch how far the two-phase submission upstream got
 * @param status the current status
 * @param history every status entered, oldest first, starting with {@link RequestStatus#ACCEPTED}
 * @param searches the search rounds, oldest first (products with a search phase)
 * @param selection the candidate the client picked, when it did
 * @param outcome upstream's verdict, once known
 * @param document the stored document, once fetched
 * @param upstreamUpdatedAt upstream's last-update time as last seen, to tell whether anything
 *     changed
 * @param createdAt when we accepted it
 * @param updatedAt when it last changed
 */
public record CertificateRequest(
    RequestId id,
    String caller,
    String certificateName,
    Submission submission,
    Option<String> reference,
    Option<String> notifyEmail,
    Dispatch dispatch,
    RequestStatus status,
    List<StatusChange> history,
    List<SearchRound> searches,
    Option<Selection> selection,
    Option<Outcome> outcome,
    Option<DocumentRef> document,
    Option<Instant> upstreamUpdatedAt,
    Instant createdAt,
    Instant updatedAt) {

  public CertificateRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(certificateName, "certificateName");
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(notifyEmail, "notifyEmail");
    Objects.requireNonNull(dispatch, "dispatch");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(searches, "searches");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(upstreamUpdatedAt, "upstreamUpdatedAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (history.isEmpty() || history.last().status() != status) {
      throw new IllegalArgumentException("the history must end with the current status");
    }
  }

  /** A request we accepted and have not sent anywhere yet. */
  public static CertificateRequest accept(
      RequestId id,
      String caller,
      String certificateName,
      Submission submission,
      Option<String> reference,
      Option<String> notifyEmail,
      Instant at) {
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        new Dispatch.NotSent(),
        RequestStatus.ACCEPTED,
        List.of(new StatusChange(RequestStatus.ACCEPTED, at, "")),
        List.empty(),
        Option.none(),
        Option.none(),
        Option.none(),
        Option.none(),
        at,
        at);
  }

  public CertificateId certificateId() {
    return submission.certificateId();
  }

  public Option<UpstreamId> upstreamId() {
    return dispatch.upstreamId();
  }

  /** Whether the request still has to be closed upstream: accepted, and not closed. */
  public boolean awaitsDispatch() {
    return status == RequestStatus.ACCEPTED && !(dispatch instanceof Dispatch.Closed);
  }

  /** Records the upstream draft; only a request with nothing upstream can get one. */
  public Either<LifecycleError, CertificateRequest> recordDraft(UpstreamId upstreamId, Instant at) {
    return switch (dispatch) {
      case Dispatch.NotSent ignored when status == RequestStatus.ACCEPTED ->
          Either.right(withDispatch(new Dispatch.Drafted(upstreamId, 0), at));
      default ->
          Either.left(new LifecycleError.DispatchOutOfOrder("record a draft", describeDispatch()));
    };
  }

  /**
   * Records that a close is about to be sent, so that a lost answer is repeated on the same draft.
   */
  public Either<LifecycleError, CertificateRequest> recordCloseAttempt(Instant at) {
    return switch (dispatch) {
      case Dispatch.Drafted drafted when status == RequestStatus.ACCEPTED ->
          Either.right(
              withDispatch(new Dispatch.Drafted(drafted.id(), drafted.closeAttempts() + 1), at));
      default -> Either.left(new LifecycleError.DispatchOutOfOrder("close", describeDispatch()));
    };
  }

  /** Records that upstream closed the request (it was charged). */
  public Either<LifecycleError, CertificateRequest> recordClosed(Instant at) {
    return switch (dispatch) {
      case Dispatch.Drafted drafted ->
          Either.right(withDispatch(new Dispatch.Closed(drafted.id()), at));
      case Dispatch.Closed closed -> Either.right(this);
      case Dispatch.NotSent notSent ->
          Either.left(new LifecycleError.DispatchOutOfOrder("record a close", describeDispatch()));
    };
  }

  /**
   * Moves to a status observed upstream or decided here. Staying in the same status changes
   * nothing; forward jumps are fine; going back or leaving a terminal status is refused.
   */
  public Either<LifecycleError, CertificateRequest> moveTo(
      RequestStatus target, Instant at, String note) {
    if (target == status) {
      return Either.right(this);
    }
    if (!status.canMoveTo(target)) {
      return Either.left(new LifecycleError.IllegalTransition(status, target));
    }
    return Either.right(
        new CertificateRequest(
            id,
            caller,
            certificateName,
            submission,
            reference,
            notifyEmail,
            dispatch,
            target,
            history.append(new StatusChange(target, at, note)),
            searches,
            selection,
            outcome,
            document,
            upstreamUpdatedAt,
            createdAt,
            at));
  }

  /** Ends the request as refused upstream, keeping the verdict. */
  public Either<LifecycleError, CertificateRequest> reject(Outcome verdict, Instant at) {
    return moveTo(RequestStatus.REJECTED, at, verdict.message())
        .map(moved -> moved.withOutcome(verdict, at));
  }

  /** Ends the request as cancelled, with the reason. */
  public Either<LifecycleError, CertificateRequest> cancel(String reason, Instant at) {
    return moveTo(RequestStatus.CANCELLED, at, reason);
  }

  /** Picks a candidate of the latest search round, which must offer a choice. */
  public Either<LifecycleError, CertificateRequest> select(String searchId, int index, Instant at) {
    Option<SearchRound> latest = searches.lastOption();
    if (status != RequestStatus.AWAITING_SELECTION
        || latest.filter(SearchRound::offersChoice).isEmpty()) {
      return Either.left(new LifecycleError.NothingToSelect(status));
    }
    if (!latest.get().searchId().equals(searchId) || latest.get().candidate(index).isEmpty()) {
      return Either.left(new LifecycleError.UnknownCandidate(searchId, index));
    }
    return Either.right(withSelection(new Selection(searchId, index, at)));
  }

  /**
   * Records a choice upstream has already accepted. Unlike {@link #select} it does not ask for
   * {@code AWAITING_SELECTION}: a re-read running at the same time may have moved the request on,
   * and the choice was made and paid for all the same.
   */
  public Either<LifecycleError, CertificateRequest> recordSelection(
      String searchId, int index, Instant at) {
    boolean offered =
        searches.exists(
            round -> round.searchId().equals(searchId) && round.candidate(index).isDefined());
    if (!offered) {
      return Either.left(new LifecycleError.UnknownCandidate(searchId, index));
    }
    return Either.right(withSelection(new Selection(searchId, index, at)));
  }

  private CertificateRequest withSelection(Selection chosen) {
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        dispatch,
        status,
        history,
        searches,
        Option.some(chosen),
        outcome,
        document,
        upstreamUpdatedAt,
        createdAt,
        chosen.at());
  }

  /** Replaces the search rounds with upstream's current view of them. */
  public CertificateRequest withSearches(List<SearchRound> rounds, Instant at) {
    if (rounds.equals(searches)) {
      return this;
    }
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        dispatch,
        status,
        history,
        rounds,
        selection,
        outcome,
        document,
        upstreamUpdatedAt,
        createdAt,
        at);
  }

  /** Records upstream's verdict. */
  public CertificateRequest withOutcome(Outcome verdict, Instant at) {
    if (outcome.contains(verdict)) {
      return this;
    }
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        dispatch,
        status,
        history,
        searches,
        selection,
        Option.some(verdict),
        document,
        upstreamUpdatedAt,
        createdAt,
        at);
  }

  /** Records the stored document. */
  public CertificateRequest withDocument(DocumentRef stored, Instant at) {
    if (document.contains(stored)) {
      return this;
    }
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        dispatch,
        status,
        history,
        searches,
        selection,
        outcome,
        Option.some(stored),
        upstreamUpdatedAt,
        createdAt,
        at);
  }

  /** Records upstream's last-update time as seen now. */
  public CertificateRequest withUpstreamUpdatedAt(Instant upstreamTime) {
    if (upstreamUpdatedAt.contains(upstreamTime)) {
      return this;
    }
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        dispatch,
        status,
        history,
        searches,
        selection,
        outcome,
        document,
        Option.some(upstreamTime),
        createdAt,
        updatedAt);
  }

  private CertificateRequest withDispatch(Dispatch next, Instant at) {
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        next,
        status,
        history,
        searches,
        selection,
        outcome,
        document,
        upstreamUpdatedAt,
        createdAt,
        at);
  }

  private String describeDispatch() {
    return switch (dispatch) {
      case Dispatch.NotSent ignored -> status + " with nothing upstream";
      case Dispatch.Drafted ignored -> status + " with an upstream draft";
      case Dispatch.Closed ignored -> status + " and closed upstream";
    };
  }

  /**
   * Leaves out the values and the caller's reference: they may be personal data and must not reach
   * logs.
   */
  @Override
  public String toString() {
    return "CertificateRequest[id="
        + id
        + ", certificate="
        + certificateId()
        + ", status="
        + status
        + ", dispatch="
        + dispatch
        + "]";
  }
}

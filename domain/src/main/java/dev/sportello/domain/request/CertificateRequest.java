package dev.sportello.domain.request;

import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.request.RequestState.Accepted;
import dev.sportello.domain.request.RequestState.Cancelled;
import dev.sportello.domain.request.RequestState.Fulfilled;
import dev.sportello.domain.request.RequestState.Open;
import dev.sportello.domain.request.RequestState.Reach;
import dev.sportello.domain.request.RequestState.Rejected;
import dev.sportello.domain.request.RequestState.Upstream;
import dev.sportello.domain.submission.Submission;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One order of a certificate, from acceptance to the issued document. Immutable: every change
 * returns a new request, and changes the lifecycle does not allow come back as a {@link
 * LifecycleError} instead. Where the request stands is its {@link RequestState}, which cannot hold
 * a combination the lifecycle does not produce; every move between states is a method of this class
 * (see "Transitions" below).
 *
 * @param id our id
 * @param caller who asked for it; callers only ever see their own requests
 * @param certificateName the certificate's name when ordered
 * @param submission the checked, normalised values, the extras and the price
 * @param reference the caller's own reference, when given
 * @param notifyEmail where upstream also mails the document, when given
 * @param state where the request stands, with what that stage holds
 * @param history every status entered, oldest first, starting with {@link RequestStatus#ACCEPTED}
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
    RequestState state,
    List<StatusChange> history,
    Option<Instant> upstreamUpdatedAt,
    Instant createdAt,
    Instant updatedAt) {

  /** Checks the components. */
  public CertificateRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(certificateName, "certificateName");
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(notifyEmail, "notifyEmail");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(upstreamUpdatedAt, "upstreamUpdatedAt");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (history.isEmpty() || history.last().status() != state.status()) {
      throw new IllegalArgumentException("the history must end with the current status");
    }
  }

  /**
   * A request we accepted and have not sent anywhere yet.
   *
   * @param id our id for it
   * @param caller who ordered it
   * @param certificateName the certificate's name, as shown
   * @param submission the normalised values, extras and quote
   * @param reference the caller's own reference, when given
   * @param notifyEmail where upstream also mails the document, when given
   * @param at when it was accepted
   * @return the request, ACCEPTED
   */
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
        new Accepted(new Dispatch.NotSent(), Option.none()),
        List.of(new StatusChange(RequestStatus.ACCEPTED, at, "")),
        Option.none(),
        at,
        at);
  }

  /**
   * The certificate ordered.
   *
   * @return its id
   */
  public CertificateId certificateId() {
    return submission.certificateId();
  }

  /**
   * The engine that processes the request: it is synchronised, fetched and cancelled there.
   *
   * @return the engine
   */
  public Engine engine() {
    return submission.engine();
  }

  /**
   * The current status.
   *
   * @return the status
   */
  public RequestStatus status() {
    return state.status();
  }

  /**
   * How far the two-phase submission upstream got.
   *
   * @return the dispatch
   */
  public Dispatch dispatch() {
    return state.dispatch();
  }

  /**
   * The request's id upstream, once a draft exists.
   *
   * @return the id, or none
   */
  public Option<UpstreamId> upstreamId() {
    return dispatch().upstreamId();
  }

  /**
   * The search rounds, oldest first (products with a search phase); none before the close.
   *
   * @return the rounds
   */
  public List<SearchRound> searches() {
    return state.upstream().map(Upstream::searches).getOrElse(List.empty());
  }

  /**
   * The candidate the client picked, when it did.
   *
   * @return the selection, or none
   */
  public Option<Selection> selection() {
    return state.upstream().flatMap(Upstream::selection);
  }

  /**
   * Upstream's verdict, once known.
   *
   * @return the verdict, or none
   */
  public Option<Outcome> outcome() {
    return state.outcome();
  }

  /**
   * The stored document, once fetched.
   *
   * @return the document, or none
   */
  public Option<DocumentRef> document() {
    return state.upstream().flatMap(Upstream::document);
  }

  /**
   * Whether the request still has to be closed upstream: accepted, and not closed.
   *
   * @return true when it still has to be closed upstream
   */
  public boolean awaitsDispatch() {
    return state instanceof Accepted;
  }

  /**
   * The upstream request whose document is produced and not stored here yet; none while upstream
   * has no document or once it is stored.
   *
   * @return the upstream request, or none
   */
  public Option<UpstreamId> awaitedDocument() {
    return state
        .upstream()
        .filter(current -> current.document().isEmpty() && status().offersDocument())
        .map(Upstream::id);
  }

  // Transitions. They follow the diagram of the request lifecycle:
  //
  //   ACCEPTED ──► SEARCHING ──► AWAITING_SELECTION ──► PROCESSING ──► DATA_AVAILABLE ──► FULFILLED
  //      │            │   ▲              │  (new search)      │              │
  //      │            │   └──────────────┘                    └──────────────┴──► FULFILLED
  //      ├──► REJECTED (upstream refused: with its verdict)
  //      └──► CANCELLED (from any state that is not terminal; with a reason)
  //
  // ACCEPTED covers the two-phase submission (nothing sent, drafted, closed); a status past it
  // needs a request closed upstream. Forward jumps are legal, since polling can miss states; going
  // back or leaving a terminal state is a LifecycleError and changes nothing.

  /**
   * Records the upstream draft; only a request with nothing upstream can get one.
   *
   * @param upstreamId the draft's id upstream
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> recordDraft(UpstreamId upstreamId, Instant at) {
    return switch (state) {
      case Accepted(Dispatch.NotSent notSent, Option<Outcome> outcome) ->
          Either.right(with(new Accepted(new Dispatch.Drafted(upstreamId, 0), outcome), at));
      default ->
          Either.left(new LifecycleError.DispatchOutOfOrder("record a draft", describeDispatch()));
    };
  }

  /**
   * Records that a close is about to be sent, so that a lost answer is repeated on the same draft.
   *
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> recordCloseAttempt(Instant at) {
    return switch (state) {
      case Accepted(Dispatch.Drafted drafted, Option<Outcome> outcome) ->
          Either.right(
              with(
                  new Accepted(
                      new Dispatch.Drafted(drafted.id(), drafted.closeAttempts() + 1), outcome),
                  at));
      default -> Either.left(new LifecycleError.DispatchOutOfOrder("close", describeDispatch()));
    };
  }

  /**
   * Records that upstream closed the request (it was charged). A request that ended while its close
   * was in flight keeps its end, and learns that it was closed.
   *
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> recordClosed(Instant at) {
    return switch (dispatch()) {
      case Dispatch.Drafted drafted -> {
        Upstream closed = Upstream.closed(drafted.id());
        RequestState next =
            switch (state) {
              case Rejected rejected -> new Rejected(closed, rejected.verdict());
              case Cancelled cancelled -> new Cancelled(closed, cancelled.outcome());
              case Accepted accepted ->
                  new Open(RequestStatus.ACCEPTED, closed, accepted.outcome());
              case Open open -> open;
              case Fulfilled fulfilled -> fulfilled;
            };
        yield Either.right(with(next, at));
      }
      case Dispatch.Closed closed -> Either.right(this);
      case Dispatch.NotSent notSent ->
          Either.left(new LifecycleError.DispatchOutOfOrder("record a close", describeDispatch()));
    };
  }

  /**
   * Follows upstream's view: records a close upstream made, the search rounds and the verdict, and
   * moves to the status upstream shows. A request cancelled upstream with a failed verdict was
   * rejected. A move the lifecycle forbids is not applied and comes back in {@link
   * Observation#refused()}; the rest is applied all the same.
   *
   * @param view upstream's view of the request
   * @param at when it was read
   * @return the request afterwards, with the moves that were refused
   */
  public Observation observe(UpstreamView view, Instant at) {
    CertificateRequest closed = view.closed() ? recordClosed(at).getOrElse(this) : this;
    CertificateRequest searched = closed.withSearches(view.searches(), at).getOrElse(closed);
    CertificateRequest judged =
        view.outcome().fold(() -> searched, o -> searched.withOutcome(o, at));
    Either<LifecycleError, CertificateRequest> moved =
        view.closed() ? judged.follow(view, at) : Either.right(judged);
    return new Observation(
        moved.getOrElse(judged).withUpstreamUpdatedAt(view.lastUpdate()), moved.swap().toOption());
  }

  /**
   * Follows a status seen in upstream's list, where searches and verdict do not show; see {@link
   * #observe}.
   *
   * @param seen the status upstream's list shows
   * @param lastUpdate upstream's last-update time in the list
   * @param at when it was read
   * @return the request afterwards, with the moves that were refused
   */
  public Observation observeStatus(RequestStatus seen, Instant lastUpdate, Instant at) {
    Either<LifecycleError, CertificateRequest> moved = moveTo(seen, at, "");
    return new Observation(
        moved.getOrElse(this).withUpstreamUpdatedAt(lastUpdate), moved.swap().toOption());
  }

  private Either<LifecycleError, CertificateRequest> follow(UpstreamView view, Instant at) {
    if (view.status() != RequestStatus.CANCELLED) {
      return moveTo(view.status(), at, "");
    }
    return view.outcome()
        .filter(outcome -> !outcome.isSuccess())
        .fold(
            () -> cancel(view.cancellationReason().getOrElse("cancelled upstream"), at),
            failed -> reject(failed, at));
  }

  /**
   * Moves to a status observed upstream or decided here. Staying in the same status changes
   * nothing; forward jumps are fine, but a status past {@code ACCEPTED} needs a request closed
   * upstream; going back or leaving a terminal status is refused, and so is a rejection without its
   * verdict (see {@link #reject}).
   *
   * @param target the status to move to
   * @param note why, for the history
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> moveTo(
      RequestStatus target, Instant at, String note) {
    if (target == status()) {
      return Either.right(this);
    }
    if (!status().canMoveTo(target)) {
      return Either.left(new LifecycleError.IllegalTransition(status(), target));
    }
    return switch (target) {
      case REJECTED -> Either.left(new LifecycleError.VerdictRequired());
      case CANCELLED -> Either.right(entered(new Cancelled(reach(), outcome()), at, note));
      case ACCEPTED, SEARCHING, AWAITING_SELECTION, PROCESSING, DATA_AVAILABLE, FULFILLED ->
          switch (state) {
            case Open open when target == RequestStatus.FULFILLED ->
                Either.right(entered(new Fulfilled(open.current(), open.outcome()), at, note));
            case Open open ->
                Either.right(entered(new Open(target, open.current(), open.outcome()), at, note));
            default ->
                Either.left(
                    new LifecycleError.DispatchOutOfOrder("move to " + target, describeDispatch()));
          };
    };
  }

  /**
   * Ends the request as refused upstream, keeping the verdict.
   *
   * @param verdict upstream's verdict
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> reject(Outcome verdict, Instant at) {
    if (state instanceof Rejected) {
      return Either.right(withOutcome(verdict, at));
    }
    if (!status().canMoveTo(RequestStatus.REJECTED)) {
      return Either.left(new LifecycleError.IllegalTransition(status(), RequestStatus.REJECTED));
    }
    return Either.right(entered(new Rejected(reach(), verdict), at, verdict.message()));
  }

  /**
   * Ends the request as cancelled, with the reason; a cancelled request stays as it is.
   *
   * @param reason why, for the history
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> cancel(String reason, Instant at) {
    return moveTo(RequestStatus.CANCELLED, at, reason);
  }

  /**
   * What a cancellation must withdraw upstream: nothing, a draft, or a closed request. A request
   * that ended, cancelled included, can no longer be cancelled.
   *
   * @return what to withdraw, or the lifecycle error that refuses a cancellation
   */
  public Either<LifecycleError, Dispatch> cancellationTarget() {
    return status().isTerminal()
        ? Either.left(new LifecycleError.IllegalTransition(status(), RequestStatus.CANCELLED))
        : Either.right(dispatch());
  }

  /**
   * The upstream request a new search goes to: a product with a search phase, while it searches or
   * awaits a selection.
   *
   * @param certificate the request's certificate
   * @return the upstream request, or the lifecycle error that refuses a search
   */
  public Either<LifecycleError, UpstreamId> searchTarget(Certificate certificate) {
    if (!certificate.hasSearchPhase()) {
      return Either.left(new LifecycleError.NoSearchPhase());
    }
    return switch (state) {
      case Open open
          when open.status() == RequestStatus.SEARCHING
              || open.status() == RequestStatus.AWAITING_SELECTION ->
          Either.right(open.current().id());
      default -> Either.left(new LifecycleError.NotSearching(status()));
    };
  }

  /**
   * The upstream request a choice goes to: the candidate must be one of the latest search round,
   * which must offer a choice while the request awaits a selection.
   *
   * @param searchId the search round
   * @param index the candidate's index in it
   * @return the upstream request, or the lifecycle error that refuses the choice
   */
  public Either<LifecycleError, UpstreamId> selectionTarget(String searchId, int index) {
    return switch (state) {
      case Open open
          when open.status() == RequestStatus.AWAITING_SELECTION
              && open.current().searches().lastOption().exists(SearchRound::offersChoice) -> {
        SearchRound latest = open.current().searches().last();
        yield latest.searchId().equals(searchId) && latest.candidate(index).isDefined()
            ? Either.right(open.current().id())
            : Either.left(new LifecycleError.UnknownCandidate(searchId, index));
      }
      default -> Either.left(new LifecycleError.NothingToSelect(status()));
    };
  }

  /**
   * Picks a candidate of the latest search round, which must offer a choice.
   *
   * @param searchId the search round
   * @param index the candidate's index in it
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> select(String searchId, int index, Instant at) {
    return selectionTarget(searchId, index)
        .flatMap(upstreamId -> recordSelection(searchId, index, at));
  }

  /**
   * Records a choice upstream has already accepted. Unlike {@link #select} it does not ask for
   * {@code AWAITING_SELECTION}: a re-read running at the same time may have moved the request on,
   * and the choice was made and paid for all the same.
   *
   * @param searchId the search round
   * @param index the candidate's index in it
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> recordSelection(
      String searchId, int index, Instant at) {
    return state
        .upstream()
        .filter(current ->
            current
                .searches()
                .exists(round ->
                    round.searchId().equals(searchId) && round.candidate(index).isDefined()))
        .map(current ->
            with(withUpstream(current.withSelection(new Selection(searchId, index, at))), at))
        .toEither(() -> new LifecycleError.UnknownCandidate(searchId, index));
  }

  /**
   * Replaces the search rounds with upstream's current view of them; a request not closed upstream
   * has none.
   *
   * @param rounds upstream's search rounds, oldest first
   * @param at when they were read
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> withSearches(
      List<SearchRound> rounds, Instant at) {
    if (rounds.equals(searches())) {
      return Either.right(this);
    }
    return state
        .upstream()
        .map(current -> with(withUpstream(current.withSearches(rounds)), at))
        .toEither(
            () -> new LifecycleError.DispatchOutOfOrder("record searches", describeDispatch()));
  }

  /**
   * Records upstream's verdict; a rejection's verdict is replaced by the newer one.
   *
   * @param verdict upstream's verdict
   * @param at when it happened
   * @return the request afterwards
   */
  public CertificateRequest withOutcome(Outcome verdict, Instant at) {
    if (outcome().contains(verdict)) {
      return this;
    }
    Option<Outcome> known = Option.some(verdict);
    RequestState next =
        switch (state) {
          case Accepted accepted -> new Accepted(accepted.dispatch(), known);
          case Open open -> new Open(open.status(), open.current(), known);
          case Fulfilled fulfilled -> new Fulfilled(fulfilled.current(), known);
          case Rejected rejected -> new Rejected(rejected.reached(), verdict);
          case Cancelled cancelled -> new Cancelled(cancelled.reached(), known);
        };
    return with(next, at);
  }

  /**
   * Attaches the stored document: upstream must have produced it (data available or fulfilled; a
   * request that ended meanwhile keeps what it paid for).
   *
   * @param stored what was stored
   * @param at when it happened
   * @return the request afterwards, or the lifecycle error that refuses it
   */
  public Either<LifecycleError, CertificateRequest> attachDocument(DocumentRef stored, Instant at) {
    if (document().contains(stored)) {
      return Either.right(this);
    }
    boolean produced =
        switch (state) {
          case Open open -> open.status().offersDocument();
          case Accepted accepted -> false;
          case Fulfilled fulfilled -> true;
          case Rejected rejected -> true;
          case Cancelled cancelled -> true;
        };
    return state
        .upstream()
        .filter(current -> produced)
        .map(current -> with(withUpstream(current.withDocument(stored)), at))
        .toEither(() -> new LifecycleError.DocumentNotIssued(status()));
  }

  /**
   * Records upstream's last-update time as seen now.
   *
   * @param upstreamTime upstream's last-update time
   * @return the request afterwards
   */
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
        state,
        history,
        Option.some(upstreamTime),
        createdAt,
        updatedAt);
  }

  /** How far the request got, for a state that ends it. */
  private Reach reach() {
    return switch (state) {
      case Accepted accepted -> accepted.dispatch();
      case RequestState.ClosedUpstream closed -> closed.current();
      case RequestState.Ended ended -> ended.reached();
    };
  }

  /** The same state with another view upstream; only called on a state that has one. */
  private RequestState withUpstream(Upstream next) {
    return switch (state) {
      case Accepted accepted -> accepted;
      case Open open -> new Open(open.status(), next, open.outcome());
      case Fulfilled fulfilled -> new Fulfilled(next, fulfilled.outcome());
      case Rejected rejected -> new Rejected(next, rejected.verdict());
      case Cancelled cancelled -> new Cancelled(next, cancelled.outcome());
    };
  }

  /** A new status, entered now. */
  private CertificateRequest entered(RequestState next, Instant at, String note) {
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        next,
        history.append(new StatusChange(next.status(), at, note)),
        upstreamUpdatedAt,
        createdAt,
        at);
  }

  /** The same status with other contents. */
  private CertificateRequest with(RequestState next, Instant at) {
    return new CertificateRequest(
        id,
        caller,
        certificateName,
        submission,
        reference,
        notifyEmail,
        next,
        history,
        upstreamUpdatedAt,
        createdAt,
        at);
  }

  private String describeDispatch() {
    return switch (dispatch()) {
      case Dispatch.NotSent ignored -> status() + " with nothing upstream";
      case Dispatch.Drafted ignored -> status() + " with an upstream draft";
      case Dispatch.Closed ignored -> status() + " and closed upstream";
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
        + status()
        + ", dispatch="
        + dispatch()
        + "]";
  }
}

package dev.sportello.domain.request;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Where a request stands, holding exactly what that stage can have. A request that is not closed
 * upstream is {@link Accepted} and has no search, choice or document; only a closed request is
 * {@link Open} with a status past {@code ACCEPTED}; a {@link Rejected} request always carries
 * upstream's verdict; {@link Fulfilled} is closed upstream by construction. The moves between the
 * states are {@link CertificateRequest}'s.
 */
public sealed interface RequestState {

  /**
   * The status the state stands for.
   *
   * @return the status
   */
  RequestStatus status();

  /**
   * How far the two-phase submission upstream got.
   *
   * @return the dispatch
   */
  Dispatch dispatch();

  /**
   * Upstream's verdict, once known.
   *
   * @return the verdict, or none
   */
  Option<Outcome> outcome();

  /**
   * What the request has upstream, once closed there.
   *
   * @return what it has upstream, or none
   */
  Option<Upstream> upstream();

  /**
   * Rebuilds a state from its parts, as a store keeps them, refusing every combination the
   * lifecycle cannot produce.
   *
   * @param status the status
   * @param dispatch how far the submission upstream got
   * @param searches the search rounds, oldest first
   * @param selection the candidate chosen, when one was
   * @param outcome upstream's verdict, when known
   * @param document the stored document, when one is
   * @return the state, or why the parts cannot make one
   */
  static Either<String, RequestState> of(
      RequestStatus status,
      Dispatch dispatch,
      List<SearchRound> searches,
      Option<Selection> selection,
      Option<Outcome> outcome,
      Option<DocumentRef> document) {
    Reach reached =
        switch (dispatch) {
          case Dispatch.Pending pending -> pending;
          case Dispatch.Closed closed -> new Upstream(closed.id(), searches, selection, document);
        };
    if (reached instanceof Dispatch.Pending
        && (!searches.isEmpty() || selection.isDefined() || document.isDefined())) {
      return Either.left("a request not closed upstream has no search, choice or document");
    }
    return switch (status) {
      case REJECTED ->
          outcome
              .<RequestState>map(verdict -> new Rejected(reached, verdict))
              .toEither("a rejected request needs upstream's verdict");
      case CANCELLED -> Either.right(new Cancelled(reached, outcome));
      case ACCEPTED, SEARCHING, AWAITING_SELECTION, PROCESSING, DATA_AVAILABLE, FULFILLED ->
          switch (reached) {
            case Dispatch.Pending pending ->
                status == RequestStatus.ACCEPTED
                    ? Either.right(new Accepted(pending, outcome))
                    : Either.left("a request " + status + " must be closed upstream");
            case Upstream current when status == RequestStatus.FULFILLED ->
                Either.right(new Fulfilled(current, outcome));
            case Upstream current ->
                current.document().isDefined() && !status.offersDocument()
                    ? Either.left("a request " + status + " has no document yet")
                    : Either.right(new Open(status, current, outcome));
          };
    };
  }

  /** How far a request got before it ended: nothing upstream, a draft, or closed upstream. */
  sealed interface Reach permits Dispatch.Pending, Upstream {
    /**
     * How far the submission upstream got.
     *
     * @return the dispatch
     */
    Dispatch dispatch();
  }

  /**
   * What a closed request has upstream.
   *
   * @param id the upstream id
   * @param searches the search rounds, oldest first (products with a search phase)
   * @param selection the candidate the client picked, when it did
   * @param document the stored document, once fetched
   */
  record Upstream(
      UpstreamId id,
      List<SearchRound> searches,
      Option<Selection> selection,
      Option<DocumentRef> document)
      implements Reach {
    /** Checks that every component is given. */
    public Upstream {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(searches, "searches");
      Objects.requireNonNull(selection, "selection");
      Objects.requireNonNull(document, "document");
    }

    /** A request just closed: nothing searched, chosen or fetched yet. */
    static Upstream closed(UpstreamId id) {
      return new Upstream(id, List.empty(), Option.none(), Option.none());
    }

    @Override
    public Dispatch dispatch() {
      return new Dispatch.Closed(id);
    }

    Upstream withSearches(List<SearchRound> rounds) {
      return new Upstream(id, rounds, selection, document);
    }

    Upstream withSelection(Selection chosen) {
      return new Upstream(id, searches, Option.some(chosen), document);
    }

    Upstream withDocument(DocumentRef stored) {
      return new Upstream(id, searches, selection, Option.some(stored));
    }
  }

  /** Closed upstream and not rejected or cancelled: open, or fulfilled. */
  sealed interface ClosedUpstream extends RequestState permits Open, Fulfilled {
    /**
     * What the request has upstream now.
     *
     * @return what it has upstream
     */
    Upstream current();

    @Override
    default Dispatch dispatch() {
      return current().dispatch();
    }

    @Override
    default Option<Upstream> upstream() {
      return Option.some(current());
    }
  }

  /** Rejected or cancelled, wherever it had got to. */
  sealed interface Ended extends RequestState permits Rejected, Cancelled {
    /**
     * How far the request got.
     *
     * @return how far it got
     */
    Reach reached();

    @Override
    default Dispatch dispatch() {
      return reached().dispatch();
    }

    @Override
    default Option<Upstream> upstream() {
      return reached() instanceof Upstream current ? Option.some(current) : Option.none();
    }
  }

  /**
   * {@code ACCEPTED} and not closed upstream: nothing sent yet, or a draft that is still to be
   * closed.
   *
   * @param dispatch nothing sent yet, or a draft still to be closed
   * @param outcome upstream's verdict, when known
   */
  record Accepted(Dispatch.Pending dispatch, Option<Outcome> outcome) implements RequestState {
    /** Checks that every component is given. */
    public Accepted {
      Objects.requireNonNull(dispatch, "dispatch");
      Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public RequestStatus status() {
      return RequestStatus.ACCEPTED;
    }

    @Override
    public Option<Upstream> upstream() {
      return Option.none();
    }
  }

  /**
   * Closed upstream (charged) and not ended, in the status upstream last showed: {@code ACCEPTED}
   * until it showed one, then searching, awaiting a selection, processing or with its data
   * available. Only the last has a document.
   *
   * @param status the status upstream last showed
   * @param current what the request has upstream
   * @param outcome upstream's verdict, when known
   */
  record Open(RequestStatus status, Upstream current, Option<Outcome> outcome)
      implements ClosedUpstream {
    /** Checks the components. */
    public Open {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(outcome, "outcome");
      if (status.isTerminal()) {
        throw new IllegalArgumentException("an open request is not " + status);
      }
      if (current.document().isDefined() && !status.offersDocument()) {
        throw new IllegalArgumentException("a request " + status + " has no document yet");
      }
    }
  }

  /**
   * {@code FULFILLED}: the document is issued upstream.
   *
   * @param current what the request has upstream, the document included once stored
   * @param outcome upstream's verdict, when known
   */
  record Fulfilled(Upstream current, Option<Outcome> outcome) implements ClosedUpstream {
    /** Checks that every component is given. */
    public Fulfilled {
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public RequestStatus status() {
      return RequestStatus.FULFILLED;
    }
  }

  /**
   * {@code REJECTED}: upstream refused the request (invalid data, no credit), with its verdict.
   *
   * @param reached how far the request got
   * @param verdict upstream's verdict
   */
  record Rejected(Reach reached, Outcome verdict) implements Ended {
    /** Checks that every component is given. */
    public Rejected {
      Objects.requireNonNull(reached, "reached");
      Objects.requireNonNull(verdict, "verdict");
    }

    @Override
    public RequestStatus status() {
      return RequestStatus.REJECTED;
    }

    @Override
    public Option<Outcome> outcome() {
      return Option.some(verdict);
    }
  }

  /**
   * {@code CANCELLED}, here or upstream; the reason is the last note of the history.
   *
   * @param reached how far the request got
   * @param outcome upstream's verdict, when it gave one
   */
  record Cancelled(Reach reached, Option<Outcome> outcome) implements Ended {
    /** Checks that every component is given. */
    public Cancelled {
      Objects.requireNonNull(reached, "reached");
      Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public RequestStatus status() {
      return RequestStatus.CANCELLED;
    }
  }
}

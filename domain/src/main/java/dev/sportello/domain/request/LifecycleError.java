package dev.sportello.domain.request;

/** Why a change to a request was refused. Such changes are reported, never applied. */
public sealed interface LifecycleError {

  /**
   * An explanation for a person.
   *
   * @return the explanation
   */
  String message();

  /**
   * A move the lifecycle does not allow: backwards, or out of a terminal status.
   *
   * @param from the status the request is in
   * @param to the status it was asked to move to
   */
  record IllegalTransition(RequestStatus from, RequestStatus to) implements LifecycleError {
    @Override
    public String message() {
      return from.isTerminal()
          ? "the request is " + from + " and can no longer change (to " + to + ")"
          : "the request cannot go back from " + from + " to " + to;
    }
  }

  /**
   * A step of the submission protocol out of order, such as closing a request that has no draft.
   *
   * @param step the dispatch step asked for
   * @param state the dispatch state the request is in
   */
  record DispatchOutOfOrder(String step, String state) implements LifecycleError {
    @Override
    public String message() {
      return "cannot " + step + " while the request is " + state;
    }
  }

  /**
   * A selection while no search offers a choice.
   *
   * @param status the request's status
   */
  record NothingToSelect(RequestStatus status) implements LifecycleError {
    @Override
    public String message() {
      return "the request is " + status + "; there are no candidates to choose from";
    }
  }

  /**
   * A selection of a candidate that the latest search did not offer.
   *
   * @param searchId the search round named
   * @param index the candidate's index named
   */
  record UnknownCandidate(String searchId, int index) implements LifecycleError {
    @Override
    public String message() {
      return "search " + searchId + " offers no candidate " + index;
    }
  }

  /** A rejection without upstream's verdict: a request is rejected only with its reason. */
  record VerdictRequired() implements LifecycleError {
    @Override
    public String message() {
      return "a request is rejected only with upstream's verdict";
    }
  }

  /**
   * A new search while the request is neither searching nor awaiting a selection.
   *
   * @param status the request's status
   */
  record NotSearching(RequestStatus status) implements LifecycleError {
    @Override
    public String message() {
      return "a search can be added only while the request is searching or awaiting a selection;"
          + " it is "
          + status;
    }
  }

  /**
   * A document for a request upstream has not produced one for.
   *
   * @param status the request's status
   */
  record DocumentNotIssued(RequestStatus status) implements LifecycleError {
    @Override
    public String message() {
      return "the request is " + status + "; its document is not available yet";
    }
  }

  /** An action that needs a product with a search phase. */
  record NoSearchPhase() implements LifecycleError {
    @Override
    public String message() {
      return "this certificate has no search phase";
    }
  }
}

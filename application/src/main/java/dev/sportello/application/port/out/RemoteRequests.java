package dev.sportello.application.port.out;

import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.control.Either;

/**
 * Requests upstream. Only {@link #close} charges for a document; {@link #addSearch} and {@link
 * #selectCandidate} may charge for a search or the chosen document. Implementations never repeat a
 * call by themselves unless repeating it cannot charge twice; when a changing call's effect is
 * unknown they answer {@link RemoteFailure.OutcomeUnknown}.
 */
public interface RemoteRequests {

  /**
   * Validates and prices an order upstream without keeping it (test mode; costs one call, no
   * document).
   *
   * @param order what would be ordered
   * @return upstream's price for it, or why upstream refused it
   */
  Either<RemoteFailure, UpstreamQuote> test(RemoteOrder order);

  /**
   * Creates an open draft: not validated, not processed, not charged.
   *
   * @param order what is ordered
   * @return upstream's view of the request afterwards, or why the call failed
   */
  Either<RemoteFailure, RemoteRequest> createDraft(RemoteOrder order);

  /**
   * Closes a draft: upstream validates it, charges it and starts processing. Closing an already
   * closed request answers {@link RemoteFailure.AlreadyClosed}, so a close can be repeated safely
   * after a lost answer.
   *
   * @param id the draft upstream
   * @return upstream's view of the request afterwards, or why the call failed
   */
  Either<RemoteFailure, RemoteRequest> close(UpstreamId id);

  /**
   * Upstream's full view of one request.
   *
   * @param id the request upstream
   * @return upstream's view of the request, or why the call failed
   */
  Either<RemoteFailure, RemoteRequest> fetch(UpstreamId id);

  /**
   * Every request of the account, in one call. An account without requests gives an empty list.
   *
   * @return a summary of each request, or why the call failed
   */
  Either<RemoteFailure, List<RemoteSummary>> listAll();

  /**
   * Starts another search round with new values.
   *
   * @param id the request upstream
   * @param values the new search values by field key
   * @return upstream's view of the request afterwards, or why the call failed
   */
  Either<RemoteFailure, RemoteRequest> addSearch(UpstreamId id, SortedMap<FieldKey, String> values);

  /**
   * Chooses a candidate of a finished search round.
   *
   * @param id the request upstream
   * @param searchId the search round, as upstream names it
   * @param index the candidate's index in that round
   * @return upstream's view of the request afterwards, or why the call failed
   */
  Either<RemoteFailure, RemoteRequest> selectCandidate(UpstreamId id, String searchId, int index);

  /**
   * Cancels a request, with a reason.
   *
   * @param id the request upstream
   * @param reason why, for upstream's record
   * @return upstream's view of the request afterwards, or why the call failed
   */
  Either<RemoteFailure, RemoteRequest> cancel(UpstreamId id, String reason);
}

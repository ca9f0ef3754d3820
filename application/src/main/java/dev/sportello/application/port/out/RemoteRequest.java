package dev.sportello.application.port.out;

import dev.sportello.domain.request.Outcome;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.SearchRound;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * Upstream's full view of one request.
 *
 * @param upstreamId upstream's id
 * @param closed whether the request is closed (submitted and charged) rather than an open draft
 * @param status the status in our terms; {@link RequestStatus#ACCEPTED} for an open draft, {@link
 *     RequestStatus#AWAITING_SELECTION} when the latest search offers candidates
 * @param searches the search rounds, oldest first
 * @param selection the chosen candidate as (search id, index), when one was chosen
 * @param outcome upstream's verdict, when it gave one
 * @param attachments the names of the produced files
 * @param cancellationReason why upstream cancelled it, when it did
 * @param lastUpdate upstream's last-update time
 */
public record RemoteRequest(
    UpstreamId upstreamId,
    boolean closed,
    RequestStatus status,
    List<SearchRound> searches,
    Option<Tuple2<String, Integer>> selection,
    Option<Outcome> outcome,
    List<String> attachments,
    Option<String> cancellationReason,
    Instant lastUpdate) {

  /** Checks that every component is given. */
  public RemoteRequest {
    Objects.requireNonNull(upstreamId, "upstreamId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(searches, "searches");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(attachments, "attachments");
    Objects.requireNonNull(cancellationReason, "cancellationReason");
    Objects.requireNonNull(lastUpdate, "lastUpdate");
  }
}

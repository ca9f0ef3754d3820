package dev.sportello.domain.request;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * Upstream's full view of one request, in our terms: what a request observes to follow upstream.
 *
 * @param closed whether the request is closed upstream (submitted and charged) rather than a draft
 * @param status the status upstream shows; {@link RequestStatus#ACCEPTED} for a draft
 * @param searches the search rounds, oldest first
 * @param outcome upstream's verdict, when it gave one
 * @param cancellationReason why upstream cancelled it, when it did
 * @param lastUpdate upstream's last-update time
 */
public record UpstreamView(
    boolean closed,
    RequestStatus status,
    List<SearchRound> searches,
    Option<Outcome> outcome,
    Option<String> cancellationReason,
    Instant lastUpdate) {

  /** Checks that every component is given. */
  public UpstreamView {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(searches, "searches");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(cancellationReason, "cancellationReason");
    Objects.requireNonNull(lastUpdate, "lastUpdate");
  }
}

package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of upstream's list of requests: enough to tell whether a request changed, not what
 * changed.
 *
 * @param upstreamId upstream's id
 * @param closed whether the request is closed rather than an open draft
 * @param status the status in our terms; the list cannot tell {@link
 *     RequestStatus#AWAITING_SELECTION} from {@link RequestStatus#SEARCHING}, so it says {@link
 *     RequestStatus#SEARCHING} for both
 * @param lastUpdate upstream's last-update time
 */
public record RemoteSummary(
    UpstreamId upstreamId, boolean closed, RequestStatus status, Instant lastUpdate) {
  /** Checks that every component is given. */
  public RemoteSummary {
    Objects.requireNonNull(upstreamId, "upstreamId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastUpdate, "lastUpdate");
  }
}

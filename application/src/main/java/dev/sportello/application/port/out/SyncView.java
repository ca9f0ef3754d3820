package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * What the sync cycle needs to know of an open request to tell whether upstream changed it: a small
 * projection, so that a cycle over many open requests reads little.
 *
 * @param id our id
 * @param engine the engine that processes it
 * @param upstreamId upstream's id
 * @param status the stored status
 * @param upstreamUpdatedAt upstream's last-update time as last seen
 */
public record SyncView(
    RequestId id,
    Engine engine,
    UpstreamId upstreamId,
    RequestStatus status,
    Option<Instant> upstreamUpdatedAt) {
  /** Checks that every component is given. */
  public SyncView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(upstreamId, "upstreamId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(upstreamUpdatedAt, "upstreamUpdatedAt");
  }
}

package dev.sportello.application.service;

import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.RequestIds;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SyncLock;
import dev.sportello.application.port.out.Upstream;
import io.vavr.collection.List;
import java.time.Clock;
import java.util.Objects;

/**
 * Every outbound port the use cases need.
 *
 * @param upstreams the enabled engines, at least one, each named once; the catalogue lists their
 *     certificates in this order
 * @param requests where requests are kept
 * @param idempotency idempotency keys
 * @param spending what each caller's orders reserve of its spending caps
 * @param snapshots the catalogue cache
 * @param documents where documents are kept
 * @param events told of status changes
 * @param callObserver told of every upstream call
 * @param syncLock one sync cycle at a time across instances
 * @param ids new request ids
 * @param clock the time
 */
public record ApplicationPorts(
    List<Upstream> upstreams,
    RequestRepository requests,
    IdempotencyStore idempotency,
    SpendingLedger spending,
    CatalogSnapshotStore snapshots,
    DocumentStore documents,
    RequestEvents events,
    RemoteCallObserver callObserver,
    SyncLock syncLock,
    RequestIds ids,
    Clock clock) {
  /** Checks the components. */
  public ApplicationPorts {
    Objects.requireNonNull(upstreams, "upstreams");
    if (upstreams.isEmpty()) {
      throw new IllegalArgumentException("at least one engine is needed");
    }
    if (upstreams.map(Upstream::engine).distinct().size() != upstreams.size()) {
      throw new IllegalArgumentException("each engine is given once");
    }
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(spending, "spending");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(callObserver, "callObserver");
    Objects.requireNonNull(syncLock, "syncLock");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(clock, "clock");
  }
}

package dev.sportello.application.service;

import dev.sportello.application.port.out.CatalogSnapshotStore;
import dev.sportello.application.port.out.DocumentStore;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.RemoteCallObserver;
import dev.sportello.application.port.out.RemoteCatalog;
import dev.sportello.application.port.out.RemoteDocuments;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.RequestIds;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.SyncLock;
import java.time.Clock;
import java.util.Objects;

/**
 * Every outbound port the use cases need.
 *
 * @param catalog the upstream catalogue
 * @param remoteRequests requests upstream
 * @param remoteDocuments documents upstream
 * @param requests where requests are kept
 * @param idempotency idempotency keys
 * @param snapshots the catalogue cache
 * @param documents where documents are kept
 * @param events told of status changes
 * @param callObserver told of every upstream call
 * @param syncLock one sync cycle at a time across instances
 * @param ids new request ids
 * @param clock the time
 */
public record ApplicationPorts(
    RemoteCatalog catalog,
    RemoteRequests remoteRequests,
    RemoteDocuments remoteDocuments,
    RequestRepository requests,
    IdempotencyStore idempotency,
    CatalogSnapshotStore snapshots,
    DocumentStore documents,
    RequestEvents events,
    RemoteCallObserver callObserver,
    SyncLock syncLock,
    RequestIds ids,
    Clock clock) {
  public ApplicationPorts {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(remoteRequests, "remoteRequests");
    Objects.requireNonNull(remoteDocuments, "remoteDocuments");
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(documents, "documents");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(callObserver, "callObserver");
    Objects.requireNonNull(syncLock, "syncLock");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(clock, "clock");
  }
}

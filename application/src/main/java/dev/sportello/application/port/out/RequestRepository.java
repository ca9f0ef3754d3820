package dev.sportello.application.port.out;

import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.UpstreamId;
import dev.sportello.domain.webhook.WebhookEvent;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Where requests are kept. Writes are optimistic: each names the version it read, and a write over
 * a newer version fails with {@link StorageFailure.StaleWrite} instead of overwriting it.
 *
 * <p><b>Webhook outbox.</b> A repository used with a {@link WebhookStore} queues there, atomically
 * with each write it stores, a delivery of every {@linkplain WebhookEvent#between event the write
 * produces} for a caller that has an endpoint: a status change when the status differs from the
 * stored one (and for every insert), "document ready" when the document is newly present. A write
 * that fails (stale, duplicate, or rolled back for any reason) queues nothing; a stored write
 * always has its deliveries. A write of a caller without an endpoint queues nothing and costs no
 * more than a check within the write.
 */
public interface RequestRepository {

  /**
   * Stores a new request at version 0, queueing its first status change (see the outbox above); a
   * request with the same id fails with {@link StorageFailure.Duplicate}.
   *
   * @param request the new request
   * @return the request as stored, with its new version, or why the store refused or failed
   */
  Either<StorageFailure, Stored<CertificateRequest>> insert(CertificateRequest request);

  /**
   * Replaces a request read at {@code expectedVersion}, queueing the events of the change from the
   * stored request (see the outbox above). Two requests can never share an upstream id: such a
   * write fails with {@link StorageFailure.Duplicate}.
   *
   * @param request the request as it is now
   * @param expectedVersion the version it was read at
   * @return the request as stored, with its new version, or why the store refused or failed
   */
  Either<StorageFailure, Stored<CertificateRequest>> update(
      CertificateRequest request, long expectedVersion);

  /**
   * A request by its id, whoever's it is.
   *
   * @param id the request
   * @return the request with its version, none when there is none, or why the store failed
   */
  Either<StorageFailure, Option<Stored<CertificateRequest>>> find(RequestId id);

  /**
   * A caller's request: none when there is no such request or it is another caller's, looked up by
   * id and caller together so that nothing of another caller's request is read.
   *
   * @param id the request
   * @param caller who asks
   * @return the request with its version, none when there is none for that caller, or why the store
   *     failed
   */
  Either<StorageFailure, Option<Stored<CertificateRequest>>> findOwned(RequestId id, String caller);

  /**
   * A request by its id upstream.
   *
   * @param id the id upstream gave the request
   * @return the request with its version, none when there is none, or why the store failed
   */
  Either<StorageFailure, Option<Stored<CertificateRequest>>> findByUpstreamId(UpstreamId id);

  /**
   * A caller's requests matching the filter, newest first (by creation time, then id).
   *
   * @param filter which requests
   * @param page where the page starts and how long it is
   * @return the page, or why the store failed
   */
  Either<StorageFailure, Page<CertificateRequest>> list(RequestFilter filter, PageRequest page);

  /**
   * Requests accepted and not yet closed upstream, oldest first.
   *
   * @param limit how many at most
   * @return the requests, or why the store failed
   */
  Either<StorageFailure, List<CertificateRequest>> awaitingDispatch(int limit);

  /**
   * Every request that exists upstream and is not terminal, as the small view the sync cycle
   * compares.
   *
   * @return the views, or why the store failed
   */
  Either<StorageFailure, List<SyncView>> openUpstream();

  /**
   * Requests whose document is available upstream (data available or fulfilled) but not stored yet.
   *
   * @param limit how many at most
   * @return the requests, or why the store failed
   */
  Either<StorageFailure, List<CertificateRequest>> awaitingDocument(int limit);
}

package dev.sportello.application.service;

import dev.sportello.application.port.in.SynchroniseUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.BackgroundFailure.Work;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.SyncLock;
import dev.sportello.application.port.out.SyncView;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamId;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.function.Function;

/**
 * One sync cycle. Its upstream calls do not grow with the number of unchanged open requests: one
 * list call, then a detail read only for requests whose status or last update changed (and none
 * when the list line says enough), the dispatch of requests not yet closed, and one download per
 * available document.
 */
final class SyncService implements SynchroniseUseCase {
  private final RequestRepository repository;
  private final Requests requests;
  private final Engines engines;
  private final Dispatcher dispatcher;
  private final Reconciler reconciler;
  private final DocumentService documents;
  private final SyncLock lock;
  private final RequestEvents events;
  private final Clock clock;
  private final int batchSize;

  SyncService(
      RequestRepository repository,
      Requests requests,
      Engines engines,
      Dispatcher dispatcher,
      Reconciler reconciler,
      DocumentService documents,
      SyncLock lock,
      RequestEvents events,
      Clock clock,
      int batchSize) {
    this.repository = repository;
    this.requests = requests;
    this.engines = engines;
    this.dispatcher = dispatcher;
    this.reconciler = reconciler;
    this.documents = documents;
    this.lock = lock;
    this.events = events;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  @Override
  public Either<UseCaseError, SyncReport> synchronise() {
    // Another instance running its cycle leaves nothing for this one to report.
    return lock.runExclusively(this::cycle)
        .mapLeft(Failures::of)
        .flatMap(ranOrBusy -> ranOrBusy.getOrElse(() -> Either.right(emptyReport())));
  }

  private Either<UseCaseError, SyncReport> cycle() {
    Map<RemoteCallKind, Long> before = engines.counts();
    return repository
        .awaitingDispatch(batchSize)
        .mapLeft(Failures::of)
        .map(this::dispatchAll)
        .flatMap(dispatched ->
            refreshChanged()
                .flatMap(changed ->
                    repository
                        .awaitingDocument(batchSize)
                        .mapLeft(Failures::of)
                        .map(this::storeDocuments)
                        .map(stored ->
                            new SyncReport(dispatched, changed, stored, callsSince(before)))));
  }

  /** The requests of the batch that are closed upstream once dispatched. */
  private List<RequestId> dispatchAll(List<CertificateRequest> pending) {
    return pending
        .filter(request -> {
          var after = onFreshCopy(request.id(), dispatcher::dispatch);
          reportFailure(Work.DISPATCH, request.id(), after);
          return after.exists(sent -> sent.exists(stored -> !stored.value().awaitsDispatch()));
        })
        .map(CertificateRequest::id);
  }

  /**
   * The open requests whose line in their engine's list changed and that were brought in line. Each
   * engine with open requests is listed once; an engine whose list cannot be read is reported and
   * left for the next cycle.
   */
  private Either<UseCaseError, List<RequestId>> refreshChanged() {
    return repository
        .openUpstream()
        .mapLeft(Failures::of)
        .map(open ->
            open.groupBy(SyncView::engine)
                .toList()
                .sortBy(byEngine -> engines.enabled().indexOf(byEngine._1))
                .flatMap(byEngine -> refreshChanged(byEngine._1, byEngine._2)));
  }

  private List<RequestId> refreshChanged(Engine engine, List<SyncView> open) {
    return engines
        .of(engine)
        .flatMap(remote -> remote.listAll().mapLeft(Failures::of))
        .fold(
            unreadable -> {
              events.backgroundFailed(
                  new BackgroundFailure(
                      Work.LIST,
                      Option.none(),
                      BackgroundFailure.Cause.UPSTREAM,
                      Failures.described(unreadable)));
              return List.empty();
            },
            summaries -> {
              Map<UpstreamId, RemoteSummary> byId =
                  HashMap.ofEntries(summaries.map(s -> io.vavr.Tuple.of(s.upstreamId(), s)));
              return open.filter(view ->
                      byId.get(view.upstreamId())
                          .exists(summary -> hasChanged(view, summary) && refresh(view, summary)))
                  .map(SyncView::id);
            });
  }

  /** The requests of the batch whose document is now stored. */
  private List<RequestId> storeDocuments(List<CertificateRequest> awaiting) {
    return awaiting
        .filter(request -> {
          var fetched = onFreshCopy(request.id(), documents::fetchIfNeeded);
          // A document upstream has not finished is no failure: the next cycle asks again.
          if (!fetched.isLeft() || !(fetched.getLeft() instanceof UseCaseError.NotReady)) {
            reportFailure(Work.DOCUMENT, request.id(), fetched);
          }
          return fetched.exists(Option::isDefined);
        })
        .map(CertificateRequest::id);
  }

  private Map<String, Integer> callsSince(Map<RemoteCallKind, Long> before) {
    return engines
        .counts()
        .filter((kind, count) -> count - before.get(kind).getOrElse(0L) > 0)
        .map((kind, count) ->
            io.vavr.Tuple.of(kind.name(), (int) (count - before.get(kind).getOrElse(0L))));
  }

  /**
   * Whether upstream's line differs from what we stored: a status the request can move to, or a
   * newer update. A list line can say less than the detail (a search with or without candidates, a
   * closing request that is already processing), so a status the request cannot move to is no
   * change by itself.
   */
  private static boolean hasChanged(SyncView view, RemoteSummary summary) {
    RequestStatus coarse =
        view.status() == RequestStatus.AWAITING_SELECTION ? RequestStatus.SEARCHING : view.status();
    boolean statusDiffers =
        summary.closed() && coarse != summary.status() && view.status().canMoveTo(summary.status());
    return statusDiffers || !view.upstreamUpdatedAt().contains(summary.lastUpdate());
  }

  private boolean refresh(SyncView view, RemoteSummary summary) {
    var refreshed = onFreshCopy(view.id(), stored -> refresh(stored, view, summary));
    reportFailure(Work.REFRESH, view.id(), refreshed);
    return refreshed.exists(Option::isDefined);
  }

  private Either<UseCaseError, Stored<CertificateRequest>> refresh(
      Stored<CertificateRequest> stored, SyncView view, RemoteSummary summary) {
    if (reconciler.canApplySummary(stored.value(), summary)) {
      return requests.modify(
          stored,
          request -> Either.right(reconciler.applySummary(request, summary, clock.instant())));
    }
    return engines
        .of(view.engine())
        .flatMap(remote -> remote.fetch(view.upstreamId()).mapLeft(Failures::of))
        .flatMap(detail ->
            requests.modify(
                stored,
                request -> Either.right(reconciler.apply(request, detail, clock.instant()))));
  }

  /** Does the work on the request as stored now; empty when it is gone. */
  private Either<UseCaseError, Option<Stored<CertificateRequest>>> onFreshCopy(
      RequestId id,
      Function<Stored<CertificateRequest>, Either<UseCaseError, Stored<CertificateRequest>>> work) {
    return requests
        .find(id)
        .flatMap(found ->
            found.isDefined()
                ? work.apply(found.get()).map(Option::some)
                : Either.right(Option.none()));
  }

  /** Work the cycle leaves for the next one is reported, so that it is not lost silently. */
  private void reportFailure(Work work, RequestId id, Either<UseCaseError, ?> result) {
    result
        .swap()
        .forEach(error ->
            events.backgroundFailed(
                new BackgroundFailure(
                    work, Option.some(id), Failures.cause(error), Failures.described(error))));
  }

  private static SyncReport emptyReport() {
    return new SyncReport(List.empty(), List.empty(), List.empty(), HashMap.empty());
  }
}

package dev.sportello.application.service;

import dev.sportello.application.port.in.SynchroniseUseCase;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteRequests;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.application.port.out.RequestRepository;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.SyncLock;
import dev.sportello.application.port.out.SyncView;
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

/**
 * One sync cycle. Its upstream calls do not grow with the number of unchanged open requests: one
 * list call, then a detail read only for requests whose status or last update changed (and none
 * when the list line says enough), the dispatch of requests not yet closed, and one download per
 * available document.
 */
final class SyncService implements SynchroniseUseCase {
  private final RequestRepository repository;
  private final Requests requests;
  private final RemoteRequests remote;
  private final Dispatcher dispatcher;
  private final Reconciler reconciler;
  private final DocumentService documents;
  private final CountedRemote counter;
  private final SyncLock lock;
  private final Clock clock;
  private final int batchSize;

  SyncService(
      RequestRepository repository,
      Requests requests,
      RemoteRequests remote,
      Dispatcher dispatcher,
      Reconciler reconciler,
      DocumentService documents,
      CountedRemote counter,
      SyncLock lock,
      Clock clock,
      int batchSize) {
    this.repository = repository;
    this.requests = requests;
    this.remote = remote;
    this.dispatcher = dispatcher;
    this.reconciler = reconciler;
    this.documents = documents;
    this.counter = counter;
    this.lock = lock;
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
    Map<RemoteCallKind, Long> before = counter.counts();
    var pending = repository.awaitingDispatch(batchSize).mapLeft(Failures::of);
    if (pending.isLeft()) {
      return Either.left(pending.getLeft());
    }
    List<RequestId> dispatched = List.empty();
    for (CertificateRequest request : pending.get()) {
      var found = requests.find(request.id());
      if (found.isRight() && found.get().isDefined()) {
        var after = dispatcher.dispatch(found.get().get());
        if (after.isRight() && !after.get().value().awaitsDispatch()) {
          dispatched = dispatched.append(request.id());
        }
      }
    }

    List<RequestId> changed = List.empty();
    var summaries = remote.listAll();
    if (summaries.isRight()) {
      Map<UpstreamId, RemoteSummary> byId =
          HashMap.ofEntries(summaries.get().map(s -> io.vavr.Tuple.of(s.upstreamId(), s)));
      var open = repository.openUpstream().mapLeft(Failures::of);
      if (open.isLeft()) {
        return Either.left(open.getLeft());
      }
      for (SyncView view : open.get()) {
        Option<RemoteSummary> summary = byId.get(view.upstreamId());
        if (summary.isDefined()
            && hasChanged(view, summary.get())
            && refresh(view, summary.get())) {
          changed = changed.append(view.id());
        }
      }
    }

    List<RequestId> stored = List.empty();
    var awaiting = repository.awaitingDocument(batchSize).mapLeft(Failures::of);
    if (awaiting.isLeft()) {
      return Either.left(awaiting.getLeft());
    }
    for (CertificateRequest request : awaiting.get()) {
      var found = requests.find(request.id());
      if (found.isRight()
          && found.get().isDefined()
          && documents.fetchIfNeeded(found.get().get()).isRight()) {
        stored = stored.append(request.id());
      }
    }
    Map<RemoteCallKind, Long> after = counter.counts();
    Map<String, Integer> calls =
        after
            .filter((kind, count) -> count - before.get(kind).getOrElse(0L) > 0)
            .map((kind, count) ->
                io.vavr.Tuple.of(kind.name(), (int) (count - before.get(kind).getOrElse(0L))));
    return Either.right(new SyncReport(dispatched, changed, stored, calls));
  }

  /**
   * Whether upstream's line differs from what we stored: a status we do not have, or a newer
   * update.
   */
  private static boolean hasChanged(SyncView view, RemoteSummary summary) {
    RequestStatus coarse =
        view.status() == RequestStatus.AWAITING_SELECTION ? RequestStatus.SEARCHING : view.status();
    boolean statusDiffers = summary.closed() && coarse != summary.status();
    return statusDiffers || !view.upstreamUpdatedAt().contains(summary.lastUpdate());
  }

  private boolean refresh(SyncView view, RemoteSummary summary) {
    var found = requests.find(view.id());
    if (found.isLeft() || found.get().isEmpty()) {
      return false;
    }
    Stored<CertificateRequest> stored = found.get().get();
    if (reconciler.canApplySummary(stored.value(), summary)) {
      return requests
          .modify(
              stored,
              request -> Either.right(reconciler.applySummary(request, summary, clock.instant())))
          .isRight();
    }
    var detail = remote.fetch(view.upstreamId());
    return detail.isRight()
        && requests
            .modify(
                stored,
                request -> Either.right(reconciler.apply(request, detail.get(), clock.instant())))
            .isRight();
  }

  private static SyncReport emptyReport() {
    return new SyncReport(List.empty(), List.empty(), List.empty(), HashMap.empty());
  }
}

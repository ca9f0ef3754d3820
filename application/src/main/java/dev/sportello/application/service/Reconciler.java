package dev.sportello.application.service;

import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.LifecycleError;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Brings a stored request in line with upstream's view of it. Upstream is the source of truth for
 * status, searches and verdict; a move the lifecycle forbids is reported to {@link RequestEvents}
 * and not applied.
 */
final class Reconciler {
  private final RequestEvents events;

  Reconciler(RequestEvents events) {
    this.events = events;
  }

  /** Applies upstream's full view. */
  CertificateRequest apply(CertificateRequest request, RemoteRequest remote, Instant now) {
    CertificateRequest updated = request;
    if (remote.closed() && updated.dispatch() instanceof Dispatch.Drafted) {
      updated = reported(updated, updated.recordClosed(now));
    }
    updated = updated.withSearches(remote.searches(), now);
    if (remote.outcome().isDefined()) {
      updated = updated.withOutcome(remote.outcome().get(), now);
    }
    if (remote.closed()) {
      updated = move(updated, remote, now);
    }
    return updated.withUpstreamUpdatedAt(remote.lastUpdate());
  }

  /**
   * Applies a line of upstream's list when it is enough: a plain move to processing, data available
   * or fulfilled needs no detail. Returns {@code false} when the detail must be read (a search to
   * show, a cancellation to explain).
   */
  boolean canApplySummary(CertificateRequest request, RemoteSummary summary) {
    return summary.closed()
        && request.dispatch() instanceof Dispatch.Closed
        && switch (summary.status()) {
          case PROCESSING, DATA_AVAILABLE, FULFILLED -> true;
          case ACCEPTED, SEARCHING, AWAITING_SELECTION, REJECTED, CANCELLED -> false;
        };
  }

  CertificateRequest applySummary(CertificateRequest request, RemoteSummary summary, Instant now) {
    return moveOrReport(request, summary.status(), now, "")
        .withUpstreamUpdatedAt(summary.lastUpdate());
  }

  private CertificateRequest move(CertificateRequest request, RemoteRequest remote, Instant now) {
    if (remote.status() != RequestStatus.CANCELLED) {
      return moveOrReport(request, remote.status(), now, "");
    }
    Either<LifecycleError, CertificateRequest> ended =
        remote.outcome().filter(outcome -> !outcome.isSuccess()).isDefined()
            ? request.reject(remote.outcome().get(), now)
            : request.cancel(remote.cancellationReason().getOrElse("cancelled upstream"), now);
    return reportRefusal(request, RequestStatus.CANCELLED, now, ended);
  }

  /** A refused change leaves the request as it was, and is reported rather than lost. */
  private CertificateRequest reported(
      CertificateRequest request, Either<LifecycleError, CertificateRequest> changed) {
    changed
        .swap()
        .forEach(refused ->
            events.backgroundFailed(
                new BackgroundFailure(
                    BackgroundFailure.Work.RECONCILE,
                    Option.some(request.id()),
                    BackgroundFailure.Cause.LIFECYCLE,
                    refused.message())));
    return changed.getOrElse(request);
  }

  private CertificateRequest moveOrReport(
      CertificateRequest request, RequestStatus target, Instant now, String note) {
    return reportRefusal(request, target, now, request.moveTo(target, now, note));
  }

  private CertificateRequest reportRefusal(
      CertificateRequest request,
      RequestStatus target,
      Instant now,
      Either<LifecycleError, CertificateRequest> result) {
    if (result.isLeft()) {
      events.transitionRefused(request.id(), request.status(), target, now);
      return request;
    }
    return result.get();
  }
}

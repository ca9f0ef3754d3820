package dev.sportello.application.service;

import dev.sportello.application.port.out.RemoteRequest;
import dev.sportello.application.port.out.RemoteSummary;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.Observation;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.request.UpstreamView;
import java.time.Instant;

/**
 * Brings a stored request in line with upstream's view of it. Upstream is the source of truth for
 * status, searches and verdict; the request decides what of it the lifecycle allows ({@link
 * CertificateRequest#observe}), and a move it forbids is reported to {@link RequestEvents} and not
 * applied.
 */
final class Reconciler {
  private final RequestEvents events;

  Reconciler(RequestEvents events) {
    this.events = events;
  }

  /** Applies upstream's full view. */
  CertificateRequest apply(CertificateRequest request, RemoteRequest remote, Instant now) {
    UpstreamView view =
        new UpstreamView(
            remote.closed(),
            remote.status(),
            remote.searches(),
            remote.outcome(),
            remote.cancellationReason(),
            remote.lastUpdate());
    return reported(request, request.observe(view, now), remote.status(), now);
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
    return reported(
        request,
        request.observeStatus(summary.status(), summary.lastUpdate(), now),
        summary.status(),
        now);
  }

  private CertificateRequest reported(
      CertificateRequest before, Observation seen, RequestStatus target, Instant now) {
    seen.refused()
        .forEach(refusal -> events.transitionRefused(before.id(), before.status(), target, now));
    return seen.request();
  }
}

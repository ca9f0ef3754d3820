package dev.sportello.spring.boot;

import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.RequestEvents;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application is told of its requests when it has no Micrometer: logged, status changes at
 * debug and what an operator should see at warn. Lines name requests by their id, never by a value
 * of theirs.
 */
final class LoggedRequestEvents implements RequestEvents {
  private static final Logger LOG = LoggerFactory.getLogger(LoggedRequestEvents.class);

  @Override
  public void statusChanged(RequestId id, RequestStatus from, RequestStatus to, Instant at) {
    LOG.debug("request {}: {} -> {}", id.value(), from, to);
  }

  @Override
  public void transitionRefused(RequestId id, RequestStatus from, RequestStatus to, Instant at) {
    LOG.warn("request {}: upstream reported {} -> {}, which was not applied", id.value(), from, to);
  }

  @Override
  public void backgroundFailed(BackgroundFailure failure) {
    LOG.warn(
        "{} failed ({}){}: {}; the next sync cycle tries again",
        failure.work(),
        failure.cause(),
        failure.request().map(id -> " for request " + id.value()).getOrElse(""),
        failure.detail());
  }
}

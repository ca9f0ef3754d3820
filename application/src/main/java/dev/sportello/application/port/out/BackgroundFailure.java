package dev.sportello.application.port.out;

import dev.sportello.domain.request.RequestId;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Background work that failed and was left for the next sync cycle: nothing is lost, but an
 * operator should be able to see it.
 *
 * @param work what was being done
 * @param request the request it was done for, when it was for one
 * @param cause what kind of failure stopped it
 * @param detail an explanation for operators; never contains personal values
 */
public record BackgroundFailure(Work work, Option<RequestId> request, Cause cause, String detail) {
  /** Checks that every component is given. */
  public BackgroundFailure {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(detail, "detail");
  }

  /** The background work. */
  public enum Work {
    /** Sending a request upstream: its draft and its close. */
    DISPATCH,
    /** Reading upstream's list of requests. */
    LIST,
    /** Bringing a changed request in line with upstream. */
    REFRESH,
    /** Fetching an issued document. */
    DOCUMENT,
    /** Releasing or counting again what a request reserved of its caller's spending caps. */
    SPENDING
  }

  /** What kind of failure stopped it. */
  public enum Cause {
    /** Upstream could not be reached, or refused. */
    UPSTREAM,
    /** Our store could not be reached. */
    STORAGE,
    /** The request's lifecycle refused the change. */
    LIFECYCLE,
    /** Another writer kept changing the request. */
    CONCURRENT_CHANGE,
    /** The request was gone. */
    NOT_FOUND,
    /** Data the work needs is not valid. */
    INVALID_DATA
  }
}

package dev.sportello.domain.request;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * A request after observing upstream: everything upstream showed that the lifecycle allows is
 * applied, and a status move it forbids is kept aside, to be reported, instead.
 *
 * @param request the request with what was applied
 * @param refused the move that was not applied, when there was one
 */
public record Observation(CertificateRequest request, Option<LifecycleError> refused) {
  /** Checks that every component is given. */
  public Observation {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(refused, "refused");
  }
}

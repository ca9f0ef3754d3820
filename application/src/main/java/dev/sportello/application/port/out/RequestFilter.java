package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.CertificateId;
import dev.sportello.domain.request.RequestStatus;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Which of a caller's requests a listing shows.
 *
 * @param caller whose requests; a listing never shows another caller's
 * @param status only requests in this status, when given
 * @param certificateId only requests for this certificate, when given
 * @param reference only requests with this caller reference, when given
 */
public record RequestFilter(
    String caller,
    Option<RequestStatus> status,
    Option<CertificateId> certificateId,
    Option<String> reference) {
  /** Checks that every component is given. */
  public RequestFilter {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(certificateId, "certificateId");
    Objects.requireNonNull(reference, "reference");
  }

  /**
   * Every request of the caller.
   *
   * @param caller whose requests
   * @return the filter
   */
  public static RequestFilter all(String caller) {
    return new RequestFilter(caller, Option.none(), Option.none(), Option.none());
  }
}

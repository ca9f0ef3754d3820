package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate's description as fetched at a time.
 *
 * @param certificate the description
 * @param fetchedAt when it was fetched
 */
public record CachedCertificate(Certificate certificate, Instant fetchedAt) {
  /** Checks that every component is given. */
  public CachedCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }
}

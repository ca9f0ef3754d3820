package dev.sportello.application.port.out;

import dev.sportello.domain.catalog.CatalogEntry;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.Objects;

/**
 * The catalogue listing as fetched at a time.
 *
 * @param entries the certificates
 * @param fetchedAt when it was fetched
 */
public record CatalogSnapshot(List<CatalogEntry> entries, Instant fetchedAt) {
  /** Checks that every component is given. */
  public CatalogSnapshot {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }
}

package dev.sportello.domain.catalog;

import java.util.Objects;

/**
 * One line of the catalogue listing: enough to find a certificate, not to order it.
 *
 * @param id the catalogue id
 * @param engine the engine that publishes it
 * @param name the name, trimmed
 * @param category the category
 */
public record CatalogEntry(CertificateId id, Engine engine, String name, String category) {
  /** Checks that every component is given. */
  public CatalogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
  }
}

package dev.sportello.application.port.in;

import dev.sportello.domain.catalog.CatalogEntry;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Lists the certificates that can be ordered. */
public interface BrowseCatalogUseCase {

  /**
   * Lists the certificates that match, from the cached catalogue when it is fresh.
   *
   * @param query which certificates
   * @return the matching certificates, or why they could not be listed
   */
  Either<UseCaseError, List<CatalogEntry>> browse(BrowseCatalogQuery query);
}

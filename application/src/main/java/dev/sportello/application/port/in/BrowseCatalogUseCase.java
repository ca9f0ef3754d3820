package dev.sportello.application.port.in;

import dev.sportello.domain.catalog.CatalogEntry;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Lists the certificates that can be ordered. */
public interface BrowseCatalogUseCase {

  Either<UseCaseError, List<CatalogEntry>> browse(BrowseCatalogQuery query);
}

package dev.sportello.adapter.console;

import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.in.BrowseCatalogUseCase;
import dev.sportello.domain.catalog.CatalogEntry;
import io.vavr.collection.List;
import java.util.Map;

/** The certificates a signed-in person can order. */
final class Catalogue {
  static final String PATH = "/catalogue";

  private final BrowseCatalogUseCase catalog;

  Catalogue(BrowseCatalogUseCase catalog) {
    this.catalog = catalog;
  }

  void register(Routes routes) {
    routes.get(PATH, Access.SIGNED_IN, this::list);
  }

  private void list(Visit visit) {
    List<CatalogEntry> entries =
        catalog.browse(BrowseCatalogQuery.everything()).getOrElse(List.empty());
    visit.render(200, "catalogue.jte", "catalogue.title", Map.of("entries", entries.asJava()));
  }
}

package dev.sportello.adapter.console;

import dev.sportello.application.port.in.BrowseCatalogQuery;
import dev.sportello.application.port.in.BrowseCatalogUseCase;
import dev.sportello.application.port.in.CertificateDescription;
import dev.sportello.application.port.in.DescribeCertificateUseCase;
import dev.sportello.domain.catalog.CatalogEntry;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The certificates a signed-in person can order, grouped by category and searchable by name: a GET
 * form that works without script, and that htmx submits as the person types.
 */
final class Catalogue {
  static final String PATH = "/catalogue";

  /** The listing has no prices: each certificate is described, a few at a time. */
  private static final int CONCURRENT_DESCRIPTIONS = 8;

  private static final int MAX_QUERY_LENGTH = 200;

  private final BrowseCatalogUseCase catalog;
  private final DescribeCertificateUseCase describe;

  Catalogue(BrowseCatalogUseCase catalog, DescribeCertificateUseCase describe) {
    this.catalog = catalog;
    this.describe = describe;
  }

  void register(Routes routes) {
    routes.get(PATH, Access.SIGNED_IN, this::list);
  }

  private void list(Visit visit) {
    String query =
        Option.of(visit.ctx().queryParam("q"))
            .map(String::strip)
            .filter(text -> text.length() <= MAX_QUERY_LENGTH)
            .getOrElse("");
    var listing =
        catalog.browse(
            new BrowseCatalogQuery(
                Option.none(), Option.some(query).filter(text -> !text.isEmpty()), Option.none()));
    CatalogueView view =
        listing.fold(
            failure -> CatalogueView.unavailable(query),
            entries -> CatalogueView.of(query, priced(entries), visit.text()));
    visit.render(
        200,
        visit.byHtmx() ? "catalogueResults.jte" : "catalogue.jte",
        "catalogue.title",
        Map.of("view", view));
  }

  private List<Priced> priced(List<CatalogEntry> entries) {
    Semaphore slots = new Semaphore(CONCURRENT_DESCRIPTIONS);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Priced>> pending =
          entries.map(entry -> threads.submit(() -> priced(entry, slots)));
      return pending.map(Catalogue::join);
    }
  }

  private Priced priced(CatalogEntry entry, Semaphore slots) throws InterruptedException {
    slots.acquire();
    try {
      return new Priced(entry, describe.describe(entry.id()).toOption());
    } finally {
      slots.release();
    }
  }

  private static Priced join(Future<Priced> pending) {
    try {
      return pending.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    } catch (java.util.concurrent.ExecutionException failed) {
      throw new IllegalStateException(failed.getCause());
    }
  }

  /** An entry of the listing, with its description when it could be had. */
  record Priced(CatalogEntry entry, Option<CertificateDescription> description) {}
}

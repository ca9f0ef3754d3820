package dev.sportello.adapter.console;

import dev.sportello.adapter.console.Catalogue.Priced;
import io.vavr.collection.List;

/**
 * The catalogue as shown: the search, and the certificates found, by category.
 *
 * @param query what the person searched for, possibly empty
 * @param groups the categories in alphabetical order, each with its certificates by name
 * @param count how many certificates were found
 * @param available whether the catalogue could be read at all
 */
record CatalogueView(String query, java.util.List<Group> groups, int count, boolean available) {

  /**
   * A category and its certificates.
   *
   * @param category as the engines publish it
   * @param items its certificates, by name
   */
  record Group(String category, java.util.List<Item> items) {}

  /**
   * One certificate.
   *
   * @param href its order form's address
   * @param name its name, the link's text
   * @param price its price with VAT, written for the reader; empty when it could not be had
   * @param searchPhase whether it has a search phase, in words; empty when unknown
   */
  record Item(String href, String name, String price, String searchPhase) {}

  static CatalogueView unavailable(String query) {
    return new CatalogueView(query, java.util.List.of(), 0, false);
  }

  static CatalogueView of(String query, List<Priced> certificates, Text text) {
    List<Group> groups =
        certificates
            .groupBy(priced -> priced.entry().category().strip())
            .toList()
            .sortBy(group -> group._1.toLowerCase(text.language().locale()))
            .map(group ->
                new Group(
                    group._1.isEmpty() ? text.get("catalogue.otherCategory") : group._1,
                    group
                        ._2
                        .sortBy(priced -> priced.entry().name())
                        .map(priced -> item(priced, text))
                        .asJava()));
    return new CatalogueView(query, groups.asJava(), certificates.size(), true);
  }

  private static Item item(Priced priced, Text text) {
    return new Item(
        Forms.path(priced.entry().id()),
        priced.entry().name(),
        priced
            .description()
            .map(description ->
                text.format("catalogue.price", Prices.euros(description.baseQuote().total(), text)))
            .getOrElse(""),
        priced
            .description()
            .map(description ->
                text.get(
                    description.certificate().hasSearchPhase()
                        ? "catalogue.searchPhase"
                        : "catalogue.noSearchPhase"))
            .getOrElse(""));
  }
}

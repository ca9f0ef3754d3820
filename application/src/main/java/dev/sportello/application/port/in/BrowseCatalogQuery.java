package dev.sportello.application.port.in;

import dev.sportello.domain.catalog.Engine;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Which certificates to list.
 *
 * @param category only this category (compared ignoring case), when given
 * @param nameContains only names containing this text (ignoring case and accents), when given
 * @param engine only this engine's certificates, when given
 */
public record BrowseCatalogQuery(
    Option<String> category, Option<String> nameContains, Option<Engine> engine) {
  /** Checks that every component is given. */
  public BrowseCatalogQuery {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(nameContains, "nameContains");
    Objects.requireNonNull(engine, "engine");
  }

  /**
   * Every certificate of every engine.
   *
   * @return the query
   */
  public static BrowseCatalogQuery everything() {
    return new BrowseCatalogQuery(Option.none(), Option.none(), Option.none());
  }
}

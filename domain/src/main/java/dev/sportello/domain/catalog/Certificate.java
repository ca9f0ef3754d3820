package dev.sportello.domain.catalog;

import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A kind of document that can be ordered.
 *
 * @param id the catalogue id
 * @param engine the engine that publishes it and processes its requests
 * @param name the name, trimmed
 * @param category the category, such as {@code Camerali} or {@code Patronato}
 * @param documentPrice the net price of the document
 * @param searchPrice the net price of one search round; zero for products without one
 * @param hasSearchPhase whether a request first searches and the client picks a candidate
 * @param synchronous the published {@code sincrona} flag
 * @param extras the priced add-ons on offer
 * @param schema the form
 * @param instructions the instructions as text (decoded from the published form), possibly empty
 * @param searchInstructions the instructions for the search phase, possibly empty
 */
public record Certificate(
    CertificateId id,
    Engine engine,
    String name,
    String category,
    Money documentPrice,
    Money searchPrice,
    boolean hasSearchPhase,
    boolean synchronous,
    List<Extra> extras,
    FieldSchema schema,
    String instructions,
    String searchInstructions) {
  /** Checks that every component is given. */
  public Certificate {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(documentPrice, "documentPrice");
    Objects.requireNonNull(searchPrice, "searchPrice");
    Objects.requireNonNull(extras, "extras");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(instructions, "instructions");
    Objects.requireNonNull(searchInstructions, "searchInstructions");
  }

  /**
   * The extra chosen by the given key.
   *
   * @param key the extra's key, as the engine publishes it
   * @return the extra, or none when the certificate has no such extra
   */
  public Option<Extra> extra(String key) {
    return extras.find(extra -> extra.key().equals(key));
  }
}

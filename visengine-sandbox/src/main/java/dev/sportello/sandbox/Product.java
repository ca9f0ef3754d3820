package dev.sportello.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One catalogue entry ("visura"): what {@code GET /visure/{hash}} serves, read back into what the
 * simulator needs to validate, price and fulfil requests for it.
 *
 * @param servedJson the exact text served as {@code data}, defects of the published original
 *     included (for example a field key that appears twice)
 * @param fields every field definition in published order, duplicates kept
 * @param documentTitles one title per PDF in the delivered ZIP
 */
record Product(
    String hash,
    String name,
    String category,
    boolean searchable,
    BigDecimal documentPrice,
    BigDecimal searchPrice,
    boolean synchronous,
    List<Extra> extras,
    List<Field> fields,
    Rule rule,
    String servedJson,
    List<String> documentTitles) {

  Product {
    extras = List.copyOf(extras);
    fields = List.copyOf(fields);
    documentTitles = List.copyOf(documentTitles);
  }

  /** A field of {@code json_struttura.campi}. */
  record Field(String key, String label, String tipo) {
    FieldType type() {
      return FieldType.of(tipo);
    }
  }

  /** A priced option ({@code opzioni[]}), selected on POST as {@code {"opzione_0": true}}. */
  record Extra(String key, String kind, BigDecimal price) {}

  /** Every definition of a key; a published schema may define the same key more than once. */
  List<Field> definitionsOf(String key) {
    return fields.stream().filter(field -> field.key().equals(key)).toList();
  }

  /**
   * The label {@code json_mappato} uses for a key: its last definition, as a JSON reader sees it.
   */
  Optional<String> labelOf(String key) {
    List<Field> definitions = definitionsOf(key);
    return definitions.isEmpty() ? Optional.empty() : Optional.of(definitions.getLast().label());
  }

  Optional<Extra> extra(String key) {
    return extras.stream().filter(extra -> extra.key().equals(key)).findFirst();
  }
}

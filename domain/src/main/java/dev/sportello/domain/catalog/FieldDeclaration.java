package dev.sportello.domain.catalog;

import dev.sportello.domain.field.FieldType;
import java.util.Objects;

/**
 * One field as an engine's form declares it, already in this model's terms but not yet checked: its
 * key may be malformed or taken by an earlier field. {@link FieldSchema#read} turns declarations
 * into fields.
 *
 * @param key the key as published, such as {@code $3} or {@code field3}
 * @param label the label
 * @param type the kind the engine's type name reads as
 * @param publishedType the engine's type name, as published
 * @param mayBeEmpty the published may-be-empty flag
 * @param displayOrder where the field is shown, lowest first, as the engine's adapter worked it out
 * @param instructions the help text, possibly empty
 */
public record FieldDeclaration(
    String key,
    String label,
    FieldType type,
    String publishedType,
    boolean mayBeEmpty,
    int displayOrder,
    String instructions) {
  /** Checks that every component is given. */
  public FieldDeclaration {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(publishedType, "publishedType");
    Objects.requireNonNull(instructions, "instructions");
  }
}

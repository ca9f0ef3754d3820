package dev.sportello.domain.catalog;

import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import java.util.Objects;

/**
 * One field of a certificate's form.
 *
 * @param key the field's key
 * @param label the human label
 * @param type the field's kind
 * @param publishedType the type's name as the engine published it, kept as it was (trimmed) so that
 *     it can be shown again
 * @param mayBeEmpty the published may-be-empty flag; the requirement rule, not this flag, decides
 *     what is required
 * @param displayOrder where the field is shown, lowest first
 * @param instructions the help text for the field, possibly empty
 */
public record FieldSpec(
    FieldKey key,
    String label,
    FieldType type,
    String publishedType,
    boolean mayBeEmpty,
    int displayOrder,
    String instructions) {
  /** Checks that every component is given. */
  public FieldSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(publishedType, "publishedType");
    Objects.requireNonNull(instructions, "instructions");
  }

  /**
   * The label, or the key when the label is empty, for messages.
   *
   * @return the name
   */
  public String displayName() {
    return label.isBlank() ? key.toString() : label;
  }

  /** The same field under another key. */
  FieldSpec withKey(FieldKey other) {
    return new FieldSpec(other, label, type, publishedType, mayBeEmpty, displayOrder, instructions);
  }
}

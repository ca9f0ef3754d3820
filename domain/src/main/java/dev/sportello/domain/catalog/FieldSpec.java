package dev.sportello.domain.catalog;

import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import java.util.Objects;

/**
 * One field of a certificate's form.
 *
 * @param key the field's key
 * @param label the human label ({@code nome})
 * @param type the field's kind ({@code tipo})
 * @param mayBeEmpty the published {@code null} flag; the requirement rule, not this flag, decides
 *     what is required
 * @param displayOrder where the field is shown: the published {@code ordine}, or the key's number
 *     without one
 * @param instructions the help text for the field, possibly empty
 */
public record FieldSpec(
    FieldKey key,
    String label,
    FieldType type,
    boolean mayBeEmpty,
    int displayOrder,
    String instructions) {
  public FieldSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(instructions, "instructions");
  }

  /** The label, or the key when the label is empty, for messages. */
  public String displayName() {
    return label.isBlank() ? key.toString() : label;
  }
}

package dev.sportello.domain.catalog;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * One field exactly as a catalogue publishes it, before the schema is read.
 *
 * @param key the key as published, such as {@code $3}
 * @param label the label ({@code nome})
 * @param tipo the type name as published
 * @param mayBeEmpty the {@code null} flag
 * @param order the {@code ordine}, when published
 * @param instructions the help text, possibly empty
 */
public record PublishedField(
    String key,
    String label,
    String tipo,
    boolean mayBeEmpty,
    Option<String> order,
    String instructions) {
  public PublishedField {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(tipo, "tipo");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(instructions, "instructions");
  }
}

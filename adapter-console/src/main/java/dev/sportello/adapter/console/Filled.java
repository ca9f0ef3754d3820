package dev.sportello.adapter.console;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;

/**
 * What a person filled in on an order form, as posted.
 *
 * @param values the typed values by field key, as typed; files are not among them
 * @param files the file fields with a file chosen, by key, each with the value the domain takes for
 *     it once read, or why it cannot be taken
 * @param extras the chosen extras' keys
 */
record Filled(Map<String, String> values, Map<String, ChosenFile> files, List<String> extras) {

  /** The fields that have something in them, as the requirement rule counts them. */
  Set<String> presentKeys() {
    return values.filterValues(value -> !value.isBlank()).keySet().addAll(files.keySet());
  }

  /**
   * A file chosen in a file field.
   *
   * @param inline the value the domain takes ({@code name|data:<type>;base64,<content>}); empty
   *     when only the file's type and size were sent, for the check as one types
   * @param problem why the file cannot be taken (its type or size), empty when it can
   */
  record ChosenFile(String inline, String problem) {}
}

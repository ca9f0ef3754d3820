package dev.sportello.sandbox;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What of a client's input an error message may repeat: a few names, each cut short, so that a body
 * of a thousand unknown keys cannot make an answer of a thousand keys.
 */
final class Echo {

  static final int MAX_CHARACTERS = 64;
  static final int MAX_NAMES = 5;

  private Echo() {}

  static String of(String text) {
    return text.length() <= MAX_CHARACTERS ? text : text.substring(0, MAX_CHARACTERS) + "…";
  }

  /** The first few names, and how many more there were. */
  static String of(Collection<String> names) {
    String shown = names.stream().limit(MAX_NAMES).map(Echo::of).collect(Collectors.joining(", "));
    return names.size() <= MAX_NAMES
        ? shown
        : shown + " and " + (names.size() - MAX_NAMES) + " more";
  }
}

package dev.sportello.domain.field;

import java.util.Objects;

/**
 * Why one value does not fit its field type.
 *
 * @param code a stable snake-case code, such as {@code codice_fiscale.check_character}
 * @param message an explanation for a person; never repeats the value
 */
public record Rejection(String code, String message) {
  /** Checks that every component is given. */
  public Rejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}

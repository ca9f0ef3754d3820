package dev.sportello.domain.shared;

import java.util.Objects;

/**
 * One reason why an input was refused.
 *
 * @param subject what the problem is about: a field key such as {@code $3}, or a general subject
 *     such as {@code rule}, {@code values} or {@code extras}
 * @param label the human label of the field, or empty when the subject is not a field
 * @param code a stable, machine-readable code in snake case, such as {@code required} or {@code
 *     codice_fiscale.check_character}
 * @param message an explanation for a person; never contains the refused value itself
 */
public record Violation(String subject, String label, String code, String message) {
  /** Checks the components. */
  public Violation {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (subject.isBlank() || code.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("a violation needs a subject, a code and a message");
    }
  }

  /**
   * A violation that is not about one field.
   *
   * @param subject what the violation is about, such as a parameter's name
   * @param code the machine-readable code
   * @param message the explanation
   * @return the violation
   */
  public static Violation general(String subject, String code, String message) {
    return new Violation(subject, "", code, message);
  }
}

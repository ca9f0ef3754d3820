package dev.sportello.domain.catalog;

import dev.sportello.domain.shared.Violation;
import io.vavr.control.Validation;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The engine that publishes a certificate and processes its requests. It is opaque to the domain:
 * each engine's adapter names itself, and nothing is read from the name but its text.
 *
 * @param name 1 to 32 lower-case letters or digits, starting with a letter
 */
public record Engine(String name) {
  private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9]{0,31}");
  private static final String SHAPE_TEXT =
      "an engine is named by 1 to 32 lower-case letters or digits, starting with a letter";

  /** Checks the components. */
  public Engine {
    Objects.requireNonNull(name, "name");
    if (!SHAPE.matcher(name).matches()) {
      throw new IllegalArgumentException(SHAPE_TEXT);
    }
  }

  /**
   * Reads an engine's name from untrusted input.
   *
   * @return the engine, or the violation that says why the name is malformed
   */
  public static Validation<Violation, Engine> parse(String name) {
    return SHAPE.matcher(name).matches()
        ? Validation.valid(new Engine(name))
        : Validation.invalid(Violation.general("engine", "malformed_engine", SHAPE_TEXT));
  }

  @Override
  public String toString() {
    return name;
  }
}

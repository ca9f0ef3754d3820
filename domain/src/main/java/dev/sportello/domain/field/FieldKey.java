package dev.sportello.domain.field;

import dev.sportello.domain.shared.Violation;
import io.vavr.control.Validation;
import java.util.regex.Pattern;

/**
 * The key of one form field, {@code $0} … {@code $n} on the wire.
 *
 * @param index the number after the dollar sign
 */
public record FieldKey(int index) implements Comparable<FieldKey> {
  private static final Pattern WIRE = Pattern.compile("\\$(0|[1-9][0-9]{0,5})");

  public FieldKey {
    if (index < 0) {
      throw new IllegalArgumentException("a field key is never negative: " + index);
    }
  }

  public static FieldKey of(int index) {
    return new FieldKey(index);
  }

  /** Reads a wire key such as {@code $7}. */
  public static Validation<Violation, FieldKey> parse(String wire) {
    if (!WIRE.matcher(wire).matches()) {
      return Validation.invalid(
          Violation.general(
              wire.isBlank() || wire.length() > 16 ? "values" : wire,
              "malformed_key",
              "field keys look like $0, $1, …; this one does not"));
    }
    return Validation.valid(new FieldKey(Integer.parseInt(wire.substring(1))));
  }

  @Override
  public int compareTo(FieldKey other) {
    return Integer.compare(index, other.index);
  }

  @Override
  public String toString() {
    return "$" + index;
  }
}

package dev.sportello.domain.request;

import io.vavr.control.Validation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Visengine's id of a request ({@code _id}): 24 hexadecimal digits, kept in lower case.
 *
 * @param value the id
 */
public record UpstreamId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{24}");

  /** Checks the components. */
  public UpstreamId {
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("an upstream id is 24 lower-case hexadecimal digits");
    }
  }

  /**
   * Reads an id as upstream sends it, in either case.
   *
   * @return the id, or why it is malformed
   */
  public static Validation<String, UpstreamId> parse(String value) {
    String lower = value.strip().toLowerCase(Locale.ROOT);
    return SHAPE.matcher(lower).matches()
        ? Validation.valid(new UpstreamId(lower))
        : Validation.invalid("an upstream id is 24 hexadecimal digits");
  }

  @Override
  public String toString() {
    return value;
  }
}

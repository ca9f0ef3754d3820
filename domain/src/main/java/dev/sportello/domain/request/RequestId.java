package dev.sportello.domain.request;

import dev.sportello.domain.shared.Violation;
import io.vavr.control.Validation;
import java.util.regex.Pattern;

/**
 * Our own id of a request, independent of the upstream one: 1 to 64 letters, digits, dashes or
 * underscores.
 *
 * @param value the id
 */
public record RequestId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Checks the components. */
  public RequestId {
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a request id is 1 to 64 letters, digits, '-' or '_'");
    }
  }

  /**
   * Reads an id from untrusted input.
   *
   * @return the id, or the violation that says why it is malformed
   */
  public static Validation<Violation, RequestId> parse(String value) {
    return SHAPE.matcher(value).matches()
        ? Validation.valid(new RequestId(value))
        : Validation.invalid(
            Violation.general(
                "requestId",
                "malformed_request_id",
                "a request id is 1 to 64 letters, digits, '-' or '_'"));
  }

  @Override
  public String toString() {
    return value;
  }
}

package dev.sportello.domain.catalog;

import dev.sportello.domain.shared.Violation;
import io.vavr.control.Validation;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A certificate's catalogue id, as the engine that publishes the certificate assigned it. It is
 * opaque: nothing is read from it but its text.
 *
 * @param value the id as published: 1 to 64 letters, digits, {@code -} or {@code _}, so that it can
 *     stand in a URL path unescaped
 */
public record CertificateId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String SHAPE_TEXT =
      "a certificate id is 1 to 64 letters, digits, '-' or '_'";

  /** Checks the components. */
  public CertificateId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(SHAPE_TEXT);
    }
  }

  /**
   * Reads an id from untrusted input.
   *
   * @return the id, or the violation that says why it is malformed
   */
  public static Validation<Violation, CertificateId> parse(String value) {
    return SHAPE.matcher(value).matches()
        ? Validation.valid(new CertificateId(value))
        : Validation.invalid(
            Violation.general("certificateId", "malformed_certificate_id", SHAPE_TEXT));
  }

  @Override
  public String toString() {
    return value;
  }
}

package dev.sportello.domain.catalog;

import dev.sportello.domain.shared.Violation;
import io.vavr.control.Validation;
import java.util.regex.Pattern;

/**
 * A certificate's catalogue id ({@code hash_visura}): 32 letters or digits. It is opaque: some are
 * md5 sums, some are not even hexadecimal.
 *
 * @param value the id as published
 */
public record CertificateId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9]{32}");

  public CertificateId {
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a certificate id is 32 letters or digits");
    }
  }

  /** Reads an id from untrusted input. */
  public static Validation<Violation, CertificateId> parse(String value) {
    return SHAPE.matcher(value).matches()
        ? Validation.valid(new CertificateId(value))
        : Validation.invalid(
            Violation.general(
                "certificateId",
                "malformed_certificate_id",
                "a certificate id is 32 letters or digits"));
  }

  @Override
  public String toString() {
    return value;
  }
}

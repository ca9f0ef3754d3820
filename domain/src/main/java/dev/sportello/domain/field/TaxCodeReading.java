package dev.sportello.domain.field;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * A tax code that passed its field's check.
 *
 * @param normalised the code as the submission keeps it
 * @param person the code read into its parts when it is a person's codice fiscale; empty for a
 *     company's
 */
public record TaxCodeReading(String normalised, Option<CodiceFiscale> person) {
  /** Checks the components. */
  public TaxCodeReading {
    Objects.requireNonNull(normalised, "normalised");
    Objects.requireNonNull(person, "person");
    if (person.isDefined() && !person.get().value().equals(normalised)) {
      throw new IllegalArgumentException("a person's code reads as itself");
    }
  }

  static TaxCodeReading person(CodiceFiscale code) {
    return new TaxCodeReading(code.value(), Option.some(code));
  }

  static TaxCodeReading company(String digits) {
    return new TaxCodeReading(digits, Option.none());
  }
}

package dev.sportello.domain.submission;

import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.catalog.FormIndex;
import dev.sportello.domain.catalog.PersonRole;
import dev.sportello.domain.field.CodiceFiscale;
import dev.sportello.domain.field.CodiceFiscale.Sex;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.shared.Violation;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Compares a personal codice fiscale with the surname, name, birth date and sex given in the same
 * form. An operator would reject a mismatch after days; catching it here costs nothing.
 *
 * <p>The person's fields are found by label ({@link PersonRole}), once per form. A role that more
 * than one field could play is not checked, and neither is a form with more than one codice
 * fiscale: the check must never refuse a valid submission because it guessed wrong.
 */
final class CrossFieldCheck {
  private CrossFieldCheck() {}

  /** Read once: {@code values()} copies the array on every call. */
  private static final PersonRole[] ROLES = PersonRole.values();

  private static final Map<String, Sex> SEXES =
      HashMap.ofEntries(
          io.vavr.Tuple.of("M", Sex.MALE),
          io.vavr.Tuple.of("MASCHIO", Sex.MALE),
          io.vavr.Tuple.of("MALE", Sex.MALE),
          io.vavr.Tuple.of("UOMO", Sex.MALE),
          io.vavr.Tuple.of("F", Sex.FEMALE),
          io.vavr.Tuple.of("FEMMINA", Sex.FEMALE),
          io.vavr.Tuple.of("FEMALE", Sex.FEMALE),
          io.vavr.Tuple.of("DONNA", Sex.FEMALE));

  /**
   * The disagreements between the codice fiscale and the person's fields.
   *
   * @param form the form
   * @param values the normalised values by field index; empty for a field without a valid value
   * @param code the codice fiscale read from the form's one tax-code field
   */
  static List<Violation> violations(FormIndex form, String[] values, CodiceFiscale code) {
    List<Violation> violations = List.empty();
    // Reversed so that prepending leaves the roles in their order.
    for (int r = ROLES.length - 1; r >= 0; r--) {
      PersonRole role = ROLES[r];
      OptionalInt field = form.fieldPlaying(role);
      if (field.isEmpty() || values[field.getAsInt()].isEmpty()) {
        continue;
      }
      String value = values[field.getAsInt()];
      boolean agrees =
          switch (role) {
            case SURNAME -> code.agreesWithSurname(value);
            case NAME -> code.agreesWithName(value);
            case BIRTH_DATE -> agreesWithBirthDate(code, value);
            case SEX ->
                SEXES
                    .get(value.strip().toUpperCase(Locale.ROOT))
                    .map(code.sex()::equals)
                    .getOrElse(true);
          };
      if (!agrees) {
        FieldSpec taxCodeField = form.field(form.taxCodeField().orElseThrow());
        violations = violations.prepend(mismatch(taxCodeField, form.field(field.getAsInt()), role));
      }
    }
    return violations;
  }

  /** A birth date that is no date is not compared. */
  private static boolean agreesWithBirthDate(CodiceFiscale code, String value) {
    Option<LocalDate> date = FieldType.Date.read(value);
    return date.isEmpty() || code.agreesWithBirthDate(date.get());
  }

  private static Violation mismatch(FieldSpec taxCodeField, FieldSpec other, PersonRole role) {
    String what =
        switch (role) {
          case SURNAME -> "surname";
          case NAME -> "name";
          case BIRTH_DATE -> "birth_date";
          case SEX -> "sex";
        };
    return new Violation(
        taxCodeField.key().toString(),
        taxCodeField.label(),
        "codice_fiscale." + what + "_mismatch",
        "the codice fiscale does not agree with " + other.key() + " (" + other.displayName() + ")");
  }
}

package dev.sportello.domain.submission;

import dev.sportello.domain.catalog.FieldSchema;
import dev.sportello.domain.catalog.FieldSpec;
import dev.sportello.domain.field.CodiceFiscale;
import dev.sportello.domain.field.CodiceFiscale.Sex;
import dev.sportello.domain.field.FieldKey;
import dev.sportello.domain.field.FieldType;
import dev.sportello.domain.fixtures.ReferenceLetterCodes;
import dev.sportello.domain.shared.Violation;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.SortedMap;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The cross-field check as it was before forms were indexed once when read: roles found by label on
 * every call, the codice fiscale parsed again from its normalised value.
 *
 * <p>Compares a personal codice fiscale with the surname, name, birth date and sex given in the
 * same form. An operator would reject a mismatch after days; catching it here costs nothing.
 *
 * <p>The person's fields are found by label, ignoring case, accents and punctuation. A role that
 * more than one field could play is not checked, and neither is a form with more than one codice
 * fiscale: the check must never refuse a valid submission because it guessed wrong.
 */
final class ReferenceCrossFieldCheck {
  private ReferenceCrossFieldCheck() {}

  private enum Role {
    SURNAME,
    NAME,
    BIRTH_DATE,
    SEX
  }

  private static final Map<String, Role> ROLES_BY_LABEL =
      HashMap.ofEntries(
          io.vavr.Tuple.of("cognome", Role.SURNAME),
          io.vavr.Tuple.of("surname", Role.SURNAME),
          io.vavr.Tuple.of("last name", Role.SURNAME),
          io.vavr.Tuple.of("nome", Role.NAME),
          io.vavr.Tuple.of("name", Role.NAME),
          io.vavr.Tuple.of("first name", Role.NAME),
          io.vavr.Tuple.of("given name", Role.NAME),
          io.vavr.Tuple.of("data di nascita", Role.BIRTH_DATE),
          io.vavr.Tuple.of("data nascita", Role.BIRTH_DATE),
          io.vavr.Tuple.of("date of birth", Role.BIRTH_DATE),
          io.vavr.Tuple.of("birth date", Role.BIRTH_DATE),
          io.vavr.Tuple.of("sesso", Role.SEX),
          io.vavr.Tuple.of("sex", Role.SEX),
          io.vavr.Tuple.of("genere", Role.SEX));

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

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

  static List<Violation> violations(FieldSchema schema, SortedMap<FieldKey, String> values) {
    List<FieldSpec> taxCodeFields =
        schema
            .fields()
            .filter(field ->
                field.type() instanceof FieldType.PersonalTaxCode
                    || field.type() instanceof FieldType.TaxCode);
    if (taxCodeFields.size() != 1) {
      return List.empty();
    }
    FieldSpec taxCodeField = taxCodeFields.head();
    Option<CodiceFiscale> code =
        values.get(taxCodeField.key()).flatMap(value -> CodiceFiscale.parse(value).toOption());
    if (code.isEmpty()) {
      return List.empty();
    }
    CodiceFiscale cf = code.get();
    Map<Role, List<FieldSpec>> fieldsByRole = fieldsByRole(schema);
    List<Violation> violations = List.empty();
    for (Role role : Role.values()) {
      Option<FieldSpec> field =
          fieldsByRole.get(role).filter(fields -> fields.size() == 1).map(List::head);
      Option<String> value = field.flatMap(spec -> values.get(spec.key()));
      if (value.isEmpty()) {
        continue;
      }
      boolean agrees =
          switch (role) {
            case SURNAME -> ReferenceLetterCodes.surnameCode(value.get()).equals(cf.surnameCode());
            case NAME -> ReferenceLetterCodes.nameCode(value.get()).equals(cf.nameCode());
            case BIRTH_DATE ->
                Try.of(() -> LocalDate.parse(value.get()))
                    .toOption()
                    .map(cf::agreesWithBirthDate)
                    .getOrElse(true);
            case SEX ->
                SEXES
                    .get(value.get().strip().toUpperCase(Locale.ROOT))
                    .map(cf.sex()::equals)
                    .getOrElse(true);
          };
      if (!agrees) {
        violations = violations.append(mismatch(taxCodeField, field.get(), role));
      }
    }
    return violations;
  }

  /** Each label is read once per check; a role two fields could play is left unchecked above. */
  private static Map<Role, List<FieldSpec>> fieldsByRole(FieldSchema schema) {
    return schema
        .fields()
        .flatMap(field ->
            ROLES_BY_LABEL.get(canonical(field.label())).map(role -> Tuple.of(role, field)))
        .groupBy(Tuple2::_1)
        .mapValues(pairs -> pairs.map(Tuple2::_2));
  }

  private static Violation mismatch(FieldSpec taxCodeField, FieldSpec other, Role role) {
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

  /**
   * Lower case, without accents, punctuation or repeated blanks: "Data di Nascita:" reads as "data
   * di nascita".
   */
  private static String canonical(String label) {
    String withoutAccents =
        MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALPHANUMERIC
        .matcher(withoutAccents.toLowerCase(Locale.ROOT))
        .replaceAll(" ")
        .strip();
  }
}

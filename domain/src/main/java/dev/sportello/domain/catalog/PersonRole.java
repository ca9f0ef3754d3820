package dev.sportello.domain.catalog;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a field says about the person a form is for, as far as a codice fiscale encodes it, read
 * from the field's label ignoring case, accents and punctuation.
 */
public enum PersonRole {
  /** The person's surname. */
  SURNAME,
  /** The person's first name. */
  NAME,
  /** The person's date of birth. */
  BIRTH_DATE,
  /** The person's sex. */
  SEX;

  private static final Map<String, PersonRole> BY_LABEL =
      HashMap.ofEntries(
          io.vavr.Tuple.of("cognome", SURNAME),
          io.vavr.Tuple.of("surname", SURNAME),
          io.vavr.Tuple.of("last name", SURNAME),
          io.vavr.Tuple.of("nome", NAME),
          io.vavr.Tuple.of("name", NAME),
          io.vavr.Tuple.of("first name", NAME),
          io.vavr.Tuple.of("given name", NAME),
          io.vavr.Tuple.of("data di nascita", BIRTH_DATE),
          io.vavr.Tuple.of("data nascita", BIRTH_DATE),
          io.vavr.Tuple.of("date of birth", BIRTH_DATE),
          io.vavr.Tuple.of("birth date", BIRTH_DATE),
          io.vavr.Tuple.of("sesso", SEX),
          io.vavr.Tuple.of("sex", SEX),
          io.vavr.Tuple.of("genere", SEX));

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

  /**
   * The role a field with this label plays; empty for any other label.
   *
   * @param label the field's label
   * @return the role, or none when the label names none
   */
  public static Option<PersonRole> ofLabel(String label) {
    return BY_LABEL.get(canonical(label));
  }

  /**
   * Lower case, without accents, punctuation or repeated blanks: "Data di Nascita:" reads as "data
   * di nascita".
   */
  static String canonical(String label) {
    String withoutAccents =
        MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALPHANUMERIC
        .matcher(withoutAccents.toLowerCase(Locale.ROOT))
        .replaceAll(" ")
        .strip();
  }
}

package dev.sportello.domain.field;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.Month;

/**
 * A person's codice fiscale, read into its parts so that it can be compared with the person's data.
 *
 * @param value the normalised code: 16 upper-case characters, as entered (omocodia letters kept)
 * @param surnameCode the three letters derived from the surname
 * @param nameCode the three letters derived from the given name
 * @param yearOfCentury the last two digits of the birth year
 * @param month the birth month
 * @param dayOfMonth the day of birth, 1–31
 * @param sex the sex encoded by the day (41–71 for women)
 * @param placeCode the cadastral code of the place of birth, omocodia letters decoded (such as
 *     {@code H501})
 */
public record CodiceFiscale(
    String value,
    String surnameCode,
    String nameCode,
    int yearOfCentury,
    Month month,
    int dayOfMonth,
    Sex sex,
    String placeCode) {

  /** The sex encoded in a codice fiscale. */
  public enum Sex {
    MALE,
    FEMALE
  }

  /**
   * Checks and reads a personal codice fiscale, case-insensitively and ignoring surrounding blanks.
   */
  public static Either<Rejection, CodiceFiscale> parse(String raw) {
    return Either.left(new Rejection("pending", "pending " + raw.length()));
  }

  /** The three letters a surname contributes to a codice fiscale. */
  public static String surnameCode(String surname) {
    return "pending" + surname.length();
  }

  /** The three letters a given name contributes to a codice fiscale. */
  public static String nameCode(String name) {
    return "pending" + name.length();
  }

  /** Whether the code's year of century, month and day agree with a birth date. */
  public boolean agreesWithBirthDate(LocalDate birthDate) {
    return birthDate.getYear() % 100 == yearOfCentury
        && birthDate.getMonth() == month
        && birthDate.getDayOfMonth() == dayOfMonth;
  }
}

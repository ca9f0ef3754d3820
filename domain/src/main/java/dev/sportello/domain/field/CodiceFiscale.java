package dev.sportello.domain.field;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's codice fiscale, read into its parts so that it can be compared with the person's data.
 *
 * @param value the normalised code: 16 upper-case characters, as entered without blanks (omocodia
 *     letters kept)
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

  private static final int LENGTH = 16;
  private static final int FEMALE_DAY_OFFSET = 40;
  private static final int FIRST_FEMALE_DAY = 41;
  private static final int LAST_DAY = 31;
  // The letters that stand for the months January to December, in order.
  private static final String MONTH_LETTERS = "ABCDEHLMPRST";
  // Omocodia replaces a digit d with the letter at index d, so that two people never share a code.
  private static final String OMOCODIA_LETTERS = "LMNPQRSTUV";
  // What each character is worth in the odd positions (1st, 3rd, …); digit d and letter A+d are
  // worth the same. Even positions are worth the digit, or the letter's index in the alphabet.
  private static final int[] ODD_POSITION_VALUES = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };
  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{16}");
  private static final Pattern THREE_LETTERS = Pattern.compile("[A-Z]{3}");
  private static final Pattern PLACE = Pattern.compile("[A-Z][0-9]{3}");
  private static final String VOWELS = "AEIOU";
  private static final String CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ";

  public CodiceFiscale {
    // Values are built by parse only, so a broken invariant is a bug; messages omit the value.
    require(CODE.matcher(value).matches(), "the code must be 16 upper-case letters and digits");
    require(THREE_LETTERS.matcher(surnameCode).matches(), "the surname code must be 3 letters");
    require(THREE_LETTERS.matcher(nameCode).matches(), "the name code must be 3 letters");
    require(yearOfCentury >= 0 && yearOfCentury <= 99, "the year of century must be 0 to 99");
    require(dayOfMonth >= 1 && dayOfMonth <= LAST_DAY, "the day of month must be 1 to 31");
    require(PLACE.matcher(placeCode).matches(), "the place code must be a letter and 3 digits");
  }

  /** The sex encoded in a codice fiscale. */
  public enum Sex {
    MALE,
    FEMALE
  }

  /**
   * Checks and reads a personal codice fiscale, case-insensitively and ignoring blanks anywhere
   * (codes are often printed in groups, such as {@code RSS MRA 80A01 H501U}).
   */
  public static Either<Rejection, CodiceFiscale> parse(String raw) {
    String code = FieldValues.withoutBlanks(raw).toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return reject("length", "a personal codice fiscale has 16 letters and digits");
    }
    if (!isLetters(code.substring(0, 6))) {
      return reject(
          "letters", "characters 1 to 6 (from the surname and the given name) must be letters");
    }
    Option<String> year = decodeDigits(code.substring(6, 8));
    if (year.isEmpty()) {
      return reject(
          "year", "characters 7 and 8 (the birth year) must be digits or omocodia letters");
    }
    int monthIndex = MONTH_LETTERS.indexOf(code.charAt(8));
    if (monthIndex < 0) {
      return reject(
          "month", "character 9 (the birth month) must be one of A B C D E H L M P R S T");
    }
    Option<String> day = decodeDigits(code.substring(9, 11));
    if (day.isEmpty()) {
      return reject(
          "day", "characters 10 and 11 (the birth day) must be digits or omocodia letters");
    }
    int encodedDay = Integer.parseInt(day.get());
    Sex sex = encodedDay >= FIRST_FEMALE_DAY ? Sex.FEMALE : Sex.MALE;
    int dayOfMonth = sex == Sex.FEMALE ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
    if (dayOfMonth < 1 || dayOfMonth > LAST_DAY) {
      return reject(
          "day", "characters 10 and 11 (the birth day) must be 01 to 31, or 41 to 71 for a woman");
    }
    int yearOfCentury = Integer.parseInt(year.get());
    Month month = Month.of(monthIndex + 1);
    // 2000+yy is a leap year exactly when one of 1800+yy, 1900+yy and 2000+yy is, so a 29
    // February is accepted whenever some plausible century makes it real.
    if (!YearMonth.of(2000 + yearOfCentury, month).isValidDay(dayOfMonth)) {
      return reject("birth_date", "the birth day does not exist in the birth month");
    }
    char placeLetter = code.charAt(11);
    Option<String> placeNumber = decodeDigits(code.substring(12, 15));
    if (!isLetters(String.valueOf(placeLetter)) || placeNumber.isEmpty()) {
      return reject(
          "place",
          "characters 12 to 15 (the place of birth) must be a letter and three digits or"
              + " omocodia letters");
    }
    if (code.charAt(15) != checkCharacter(code)) {
      return reject(
          "check_character",
          "the last character does not match the others, so some character is probably"
              + " mistyped");
    }
    return Either.right(
        new CodiceFiscale(
            code,
            code.substring(0, 3),
            code.substring(3, 6),
            yearOfCentury,
            month,
            dayOfMonth,
            sex,
            placeLetter + placeNumber.get()));
  }

  /**
   * The three letters a surname contributes to a codice fiscale: its consonants, then its vowels,
   * then X as padding. Accents, case, spaces, apostrophes and other non-letters do not count; Y
   * counts as a consonant.
   */
  public static String surnameCode(String surname) {
    Letters letters = Letters.of(surname);
    return pad(letters.consonants() + letters.vowels());
  }

  /**
   * The three letters a given name contributes to a codice fiscale: like a surname's, except that a
   * name with four or more consonants gives its first, third and fourth consonant.
   */
  public static String nameCode(String name) {
    Letters letters = Letters.of(name);
    String consonants = letters.consonants();
    if (consonants.length() >= 4) {
      return "" + consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
    }
    return pad(consonants + letters.vowels());
  }

  /** Whether the code's year of century, month and day agree with a birth date. */
  public boolean agreesWithBirthDate(LocalDate birthDate) {
    return birthDate.getYear() % 100 == yearOfCentury
        && birthDate.getMonth() == month
        && birthDate.getDayOfMonth() == dayOfMonth;
  }

  /** The check character for the first 15 characters of a structurally valid code. */
  private static char checkCharacter(String code) {
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      char c = code.charAt(i);
      int index = c <= '9' ? c - '0' : c - 'A';
      // Positions count from 1, so index 0 is the first odd position.
      sum += i % 2 == 0 ? ODD_POSITION_VALUES[index] : index;
    }
    return (char) ('A' + sum % 26);
  }

  private static Option<String> decodeDigits(String chars) {
    StringBuilder digits = new StringBuilder(chars.length());
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      int omocodia = OMOCODIA_LETTERS.indexOf(c);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (omocodia >= 0) {
        digits.append(omocodia);
      } else {
        return Option.none();
      }
    }
    return Option.some(digits.toString());
  }

  private static boolean isLetters(String chars) {
    return chars.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }

  private static String pad(String letters) {
    return (letters + "XXX").substring(0, 3);
  }

  private static Either<Rejection, CodiceFiscale> reject(String reason, String message) {
    return Either.left(new Rejection("codice_fiscale." + reason, message));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The letters A–Z of a name, accents removed, split into consonants and vowels in order. */
  private record Letters(String consonants, String vowels) {
    static Letters of(String text) {
      String plain = Normalizer.normalize(text, Normalizer.Form.NFD).toUpperCase(Locale.ROOT);
      StringBuilder consonants = new StringBuilder();
      StringBuilder vowels = new StringBuilder();
      for (int i = 0; i < plain.length(); i++) {
        char c = plain.charAt(i);
        if (VOWELS.indexOf(c) >= 0) {
          vowels.append(c);
        } else if (CONSONANTS.indexOf(c) >= 0) {
          consonants.append(c);
        }
      }
      return new Letters(consonants.toString(), vowels.toString());
    }
  }
}

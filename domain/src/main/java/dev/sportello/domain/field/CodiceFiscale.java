package dev.sportello.domain.field;

import io.vavr.control.Either;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Locale;

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

  /** Checks the components. */
  public CodiceFiscale {
    // Values are built by parse only, so a broken invariant is a bug; messages omit the value.
    require(
        hasShape(value, "****************"), "the code must be 16 upper-case letters and digits");
    require(hasShape(surnameCode, "AAA"), "the surname code must be 3 letters");
    require(hasShape(nameCode, "AAA"), "the name code must be 3 letters");
    require(yearOfCentury >= 0 && yearOfCentury <= 99, "the year of century must be 0 to 99");
    require(dayOfMonth >= 1 && dayOfMonth <= LAST_DAY, "the day of month must be 1 to 31");
    require(hasShape(placeCode, "A999"), "the place code must be a letter and 3 digits");
  }

  /** The sex encoded in a codice fiscale. */
  public enum Sex {
    /** Male: the day of birth as written. */
    MALE,
    /** Female: the day of birth plus 40. */
    FEMALE
  }

  /**
   * Checks and reads a personal codice fiscale, case-insensitively and ignoring blanks anywhere
   * (codes are often printed in groups, such as {@code RSS MRA 80A01 H501U}).
   *
   * @param raw the code as given
   * @return the code read, or why it is not a valid personal codice fiscale
   */
  public static Either<Rejection, CodiceFiscale> parse(String raw) {
    String code = FieldValues.withoutBlanks(raw).toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return reject("length", "a personal codice fiscale has 16 letters and digits");
    }
    if (!hasShape(code, 0, "AAAAAA")) {
      return reject(
          "letters", "characters 1 to 6 (from the surname and the given name) must be letters");
    }
    int yearOfCentury = decodeDigits(code, 6, 8);
    if (yearOfCentury < 0) {
      return reject(
          "year", "characters 7 and 8 (the birth year) must be digits or omocodia letters");
    }
    int monthIndex = MONTH_LETTERS.indexOf(code.charAt(8));
    if (monthIndex < 0) {
      return reject(
          "month", "character 9 (the birth month) must be one of A B C D E H L M P R S T");
    }
    int encodedDay = decodeDigits(code, 9, 11);
    if (encodedDay < 0) {
      return reject(
          "day", "characters 10 and 11 (the birth day) must be digits or omocodia letters");
    }
    Sex sex = encodedDay >= FIRST_FEMALE_DAY ? Sex.FEMALE : Sex.MALE;
    int dayOfMonth = sex == Sex.FEMALE ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
    if (dayOfMonth < 1 || dayOfMonth > LAST_DAY) {
      return reject(
          "day", "characters 10 and 11 (the birth day) must be 01 to 31, or 41 to 71 for a woman");
    }
    Month month = Month.of(monthIndex + 1);
    // 2000+yy is a leap year exactly when one of 1800+yy, 1900+yy and 2000+yy is, so a 29
    // February is accepted whenever some plausible century makes it real.
    if (dayOfMonth > month.length(Year.isLeap(2000L + yearOfCentury))) {
      return reject("birth_date", "the birth day does not exist in the birth month");
    }
    char placeLetter = code.charAt(11);
    int placeNumber = decodeDigits(code, 12, 15);
    if (placeLetter < 'A' || placeLetter > 'Z' || placeNumber < 0) {
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
            placeCode(placeLetter, placeNumber)));
  }

  /**
   * The three letters a surname contributes to a codice fiscale: its consonants, then its vowels,
   * then X as padding. Accents, case, spaces, apostrophes and other non-letters do not count; Y
   * counts as a consonant.
   *
   * @param surname the surname
   * @return the three letters
   */
  public static String surnameCode(String surname) {
    return new String(threeLetters(surname, false));
  }

  /**
   * The three letters a given name contributes to a codice fiscale: like a surname's, except that a
   * name with four or more consonants gives its first, third and fourth consonant.
   *
   * @param name the given name
   * @return the three letters
   */
  public static String nameCode(String name) {
    return new String(threeLetters(name, true));
  }

  /**
   * Whether the code's surname letters are those of the surname, as {@link #surnameCode}.
   *
   * @param surname the surname
   * @return true when they agree
   */
  public boolean agreesWithSurname(String surname) {
    return isSpelledBy(surnameCode, threeLetters(surname, false));
  }

  /**
   * Whether the code's name letters are those of the given name, as {@link #nameCode}.
   *
   * @param name the given name
   * @return true when they agree
   */
  public boolean agreesWithName(String name) {
    return isSpelledBy(nameCode, threeLetters(name, true));
  }

  /** Compares without copying the letters into a string. */
  private static boolean isSpelledBy(String code, char[] letters) {
    for (int i = 0; i < letters.length; i++) {
      if (code.charAt(i) != letters[i]) {
        return false;
      }
    }
    return true;
  }

  private static char[] threeLetters(String text, boolean givenName) {
    // Plain ASCII needs neither decomposition nor a copy in upper case: each char is read as such.
    String plain =
        isAscii(text)
            ? text
            : Normalizer.normalize(text, Normalizer.Form.NFD).toUpperCase(Locale.ROOT);
    char[] letters = new char[3];
    if (givenName && consonants(plain) >= 4) {
      int found = 0;
      int consonant = 0;
      for (int i = 0; i < plain.length() && found < 3; i++) {
        char c = upperCase(plain.charAt(i));
        if (isConsonant(c)) {
          if (consonant != 1) {
            letters[found++] = c;
          }
          consonant++;
        }
      }
      return letters;
    }
    int found = take(plain, true, letters, take(plain, false, letters, 0));
    while (found < 3) {
      letters[found++] = 'X';
    }
    return letters;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Copies the text's vowels, or its consonants, into {@code letters} until it is full. */
  private static int take(String text, boolean vowels, char[] letters, int found) {
    int next = found;
    for (int i = 0; i < text.length() && next < letters.length; i++) {
      char c = upperCase(text.charAt(i));
      if (vowels ? isVowel(c) : isConsonant(c)) {
        letters[next++] = c;
      }
    }
    return next;
  }

  private static int consonants(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isConsonant(upperCase(text.charAt(i)))) {
        count++;
      }
    }
    return count;
  }

  private static boolean isVowel(char c) {
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
  }

  /** The letters A to Z but the vowels; Y counts as a consonant. */
  private static boolean isConsonant(char c) {
    return c >= 'A' && c <= 'Z' && !isVowel(c);
  }

  /** ASCII letters in upper case; text with other characters has been upper-cased whole. */
  private static char upperCase(char c) {
    return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
  }

  /**
   * Whether the code's year of century, month and day agree with a birth date.
   *
   * @param birthDate the date of birth
   * @return true when they agree
   */
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

  /**
   * The number the characters from {@code start} to {@code end} write, each a digit or the omocodia
   * letter that replaces it; -1 when some character is neither.
   */
  private static int decodeDigits(String code, int start, int end) {
    int number = 0;
    for (int i = start; i < end; i++) {
      char c = code.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0' : OMOCODIA_LETTERS.indexOf(c);
      if (digit < 0) {
        return -1;
      }
      number = number * 10 + digit;
    }
    return number;
  }

  private static String placeCode(char letter, int number) {
    return new String(
        new char[] {
          letter,
          (char) ('0' + number / 100),
          (char) ('0' + number / 10 % 10),
          (char) ('0' + number % 10)
        });
  }

  /**
   * Whether the text has the shape, char by char: {@code A} a letter A–Z, {@code 9} a digit, {@code
   * *} either.
   */
  private static boolean hasShape(String text, String shape) {
    return text.length() == shape.length() && hasShape(text, 0, shape);
  }

  /** Whether the text has the shape from the given position on, without copying that part. */
  private static boolean hasShape(String text, int start, String shape) {
    for (int i = 0; i < shape.length(); i++) {
      char c = text.charAt(start + i);
      char kind = shape.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z';
      boolean digit = c >= '0' && c <= '9';
      if (letter ? kind == '9' : !digit || kind == 'A') {
        return false;
      }
    }
    return true;
  }

  private static Either<Rejection, CodiceFiscale> reject(String reason, String message) {
    return Either.left(new Rejection("codice_fiscale." + reason, message));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}

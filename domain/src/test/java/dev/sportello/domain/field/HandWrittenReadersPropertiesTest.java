package dev.sportello.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Dates, codes, name letters, free text and key order are read by hand, char by char, so that
 * checking a submission allocates little; they accept, refuse and normalise exactly as the regular
 * expressions, streams and string copies they replace did.
 */
class HandWrittenReadersPropertiesTest {
  private static final Pattern ISO_DATE = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");
  private static final Pattern DAY_FIRST_DATE =
      Pattern.compile("([0-9]{1,2})([-/.])([0-9]{1,2})\\2([0-9]{4})");

  @Property(tries = 3000)
  void datesReadAsTheRegularExpressionsDid(
      @ForAll @StringLength(max = 12) @Chars({'0', '1', '2', '3', '9', '-', '/', '.', ' ', 'x'})
          String text) {
    assertThat(FieldValues.date(text)).isEqualTo(referenceDate(text));
  }

  @Property(tries = 1000)
  void plausibleDatesReadAsTheRegularExpressionsDid(
      @ForAll @StringLength(min = 8, max = 10) @Chars({'0', '1', '2', '8', '9', '-'}) String text) {
    assertThat(FieldValues.date(text)).isEqualTo(referenceDate(text));
  }

  @Property(tries = 2000)
  void nameLettersAreTheSameAsBefore(
      @ForAll
          @StringLength(max = 14)
          @Chars({'a', 'R', 's', 'y', 'è', 'É', 'ß', 'ı', ' ', '\'', 'U'})
          String name) {
    assertThat(CodiceFiscale.surnameCode(name)).isEqualTo(referenceSurnameCode(name));
    assertThat(CodiceFiscale.nameCode(name)).isEqualTo(referenceNameCode(name));
  }

  @Property(tries = 1000)
  void asciiNameLettersAreTheSameAsBefore(
      @ForAll @StringLength(max = 14) @Chars({'b', 'C', 'd', 'f', 'g', 'a', 'E', 'i', '-', ' '})
          String name) {
    assertThat(CodiceFiscale.surnameCode(name)).isEqualTo(referenceSurnameCode(name));
    assertThat(CodiceFiscale.nameCode(name)).isEqualTo(referenceNameCode(name));
  }

  @Property(tries = 3000)
  void keysOfEqualLengthOrderAsTheirNaturalOrderSays(
      @ForAll @StringLength(min = 1, max = 5) @Chars({'$', 'f', '0', '1', '2', '9'}) String left,
      @ForAll @StringLength(min = 1, max = 5) @Chars({'$', 'f', '0', '1', '2', '9'}) String right) {
    assertThat(Integer.signum(new FieldKey(left).compareTo(new FieldKey(right))))
        .isEqualTo(Integer.signum(referenceCompare(left, right)));
  }

  @Property(tries = 3000)
  void freeTextIsCheckedAsBefore(
      @ForAll
          @StringLength(max = 8)
          @Chars({
            'a', ' ', '\t', '\n', '\u00A0', '\u200B', '\u2028', '\uE000', '\u0378', '\uD83D',
            '\uDE00', '\u00AD', '~', '\u001F', '\u007F', '\u0085'
          })
          String text) {
    assertThat(FieldValues.freeText(text)).isEqualTo(referenceFreeText(text));
  }

  @Property(tries = 300)
  void longFreeTextIsCheckedAsBefore(
      @ForAll @StringLength(min = 995, max = 1010) @Chars({'a', ' ', '\uD83D', '\uDE00'})
          String text) {
    assertThat(FieldValues.freeText(text)).isEqualTo(referenceFreeText(text));
  }

  @Property(tries = 3000)
  void codiciFiscaliOfTheRightShapeReadAsBefore(
      @ForAll @StringLength(6) @Chars({'R', 'S', 'M', 'a', 'X', '1'}) String letters,
      @ForAll @StringLength(2) @Chars({'0', '8', '5', 'L', 'V', 'A'}) String year,
      @ForAll @Chars({'A', 'T', 'B', 'Z', 'e'}) char month,
      @ForAll @StringLength(2) @Chars({'0', '1', '2', '3', '4', '5', '7', '9', 'L', 'Q', 'X'})
          String day,
      @ForAll @StringLength(4) @Chars({'A', 'H', '5', '0', '1', 'M', '9'}) String place,
      @ForAll @CharRange(from = 'A', to = 'Z') char check) {
    String code = letters + year + month + day + place + check;
    assertThat(CodiceFiscale.parse(code)).isEqualTo(referenceParse(code));
  }

  @Property(tries = 2000)
  void anyTextReadsAsACodiceFiscaleAsBefore(
      @ForAll
          @StringLength(max = 19)
          @Chars({'R', 'S', 'M', '8', '5', 'T', '1', '0', 'A', '6', '2', ' ', '\u00A0', 'l', 'V'})
          String text) {
    assertThat(CodiceFiscale.parse(text)).isEqualTo(referenceParse(text));
  }

  @Property(tries = 200)
  void aValidCodeWithOneCharacterChangedReadsAsBefore(
      @ForAll @IntRange(max = 15) int position,
      @ForAll @Chars({'0', '4', '9', 'A', 'L', 'V', 'Z', 'x', ' '}) char replacement) {
    String code = "RSSMRA85T10A562S";
    String changed = code.substring(0, position) + replacement + code.substring(position + 1);
    assertThat(CodiceFiscale.parse(changed)).isEqualTo(referenceParse(changed));
  }

  /** Runs of digits by their value, then the text itself; the order keys had from the start. */
  private static int referenceCompare(String left, String right) {
    Pattern piece = Pattern.compile("[0-9]+|[^0-9]");
    Matcher a = piece.matcher(left);
    Matcher b = piece.matcher(right);
    while (true) {
      boolean moreA = a.find();
      boolean moreB = b.find();
      if (!moreA || !moreB) {
        int rest = Boolean.compare(moreA, moreB);
        return rest != 0 ? rest : left.compareTo(right);
      }
      String x = a.group();
      String y = b.group();
      int order =
          Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
              ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y))
              : Character.compare(x.charAt(0), y.charAt(0));
      if (order != 0) {
        return order;
      }
    }
  }

  /** Free text as it was checked with streams of code points. */
  private static Either<Rejection, String> referenceFreeText(String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return Either.left(new Rejection("text.blank", "the value is empty"));
    }
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      return Either.left(
          new Rejection(
              "text.control_character",
              "the value holds control characters such as line breaks or tabs, which are not"
                  + " accepted"));
    }
    var invisible =
        text.codePoints()
            .filter(codePoint ->
                switch (Character.getType(codePoint)) {
                  case Character.FORMAT,
                      Character.LINE_SEPARATOR,
                      Character.PARAGRAPH_SEPARATOR,
                      Character.PRIVATE_USE,
                      Character.UNASSIGNED,
                      Character.SURROGATE ->
                      true;
                  default -> false;
                })
            .findFirst();
    if (invisible.isPresent()) {
      return Either.left(
          new Rejection(
              "text.invisible_character",
              String.format(
                  Locale.ROOT,
                  "the value holds an invisible character (U+%04X), which an operator could not"
                      + " see or type",
                  invisible.getAsInt())));
    }
    if (text.codePointCount(0, text.length()) > 1_000) {
      return Either.left(
          new Rejection("text.too_long", "the value is longer than 1000 characters"));
    }
    return Either.right(text);
  }

  /** The codice fiscale as it was read with substrings, regular expressions and integer parsing. */
  private static Either<Rejection, CodiceFiscale> referenceParse(String raw) {
    StringBuilder compact = new StringBuilder(raw.length());
    raw.codePoints()
        .filter(c -> !(Character.isWhitespace(c) || Character.isSpaceChar(c)))
        .forEach(compact::appendCodePoint);
    String code = compact.toString().toUpperCase(Locale.ROOT);
    if (code.length() != 16) {
      return referenceReject("length", "a personal codice fiscale has 16 letters and digits");
    }
    if (!code.substring(0, 6).chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      return referenceReject(
          "letters", "characters 1 to 6 (from the surname and the given name) must be letters");
    }
    Option<String> year = referenceDecodeDigits(code.substring(6, 8));
    if (year.isEmpty()) {
      return referenceReject(
          "year", "characters 7 and 8 (the birth year) must be digits or omocodia letters");
    }
    int monthIndex = "ABCDEHLMPRST".indexOf(code.charAt(8));
    if (monthIndex < 0) {
      return referenceReject(
          "month", "character 9 (the birth month) must be one of A B C D E H L M P R S T");
    }
    Option<String> day = referenceDecodeDigits(code.substring(9, 11));
    if (day.isEmpty()) {
      return referenceReject(
          "day", "characters 10 and 11 (the birth day) must be digits or omocodia letters");
    }
    int encodedDay = Integer.parseInt(day.get());
    CodiceFiscale.Sex sex = encodedDay >= 41 ? CodiceFiscale.Sex.FEMALE : CodiceFiscale.Sex.MALE;
    int dayOfMonth = sex == CodiceFiscale.Sex.FEMALE ? encodedDay - 40 : encodedDay;
    if (dayOfMonth < 1 || dayOfMonth > 31) {
      return referenceReject(
          "day", "characters 10 and 11 (the birth day) must be 01 to 31, or 41 to 71 for a woman");
    }
    int yearOfCentury = Integer.parseInt(year.get());
    Month month = Month.of(monthIndex + 1);
    if (!YearMonth.of(2000 + yearOfCentury, month).isValidDay(dayOfMonth)) {
      return referenceReject("birth_date", "the birth day does not exist in the birth month");
    }
    char placeLetter = code.charAt(11);
    Option<String> placeNumber = referenceDecodeDigits(code.substring(12, 15));
    if (!(placeLetter >= 'A' && placeLetter <= 'Z') || placeNumber.isEmpty()) {
      return referenceReject(
          "place",
          "characters 12 to 15 (the place of birth) must be a letter and three digits or"
              + " omocodia letters");
    }
    if (code.charAt(15) != referenceCheckCharacter(code)) {
      return referenceReject(
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

  private static Option<String> referenceDecodeDigits(String chars) {
    StringBuilder digits = new StringBuilder(chars.length());
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      int omocodia = "LMNPQRSTUV".indexOf(c);
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

  private static char referenceCheckCharacter(String code) {
    int[] oddPositionValues = {
      1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
    };
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = code.charAt(i);
      int index = c <= '9' ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? oddPositionValues[index] : index;
    }
    return (char) ('A' + sum % 26);
  }

  private static Either<Rejection, CodiceFiscale> referenceReject(String reason, String message) {
    return Either.left(new Rejection("codice_fiscale." + reason, message));
  }

  private static Either<Rejection, String> referenceDate(String raw) {
    String text = raw.strip();
    Matcher iso = ISO_DATE.matcher(text);
    Matcher dayFirst = DAY_FIRST_DATE.matcher(text);
    if (iso.matches()) {
      return referenceDate(iso.group(1), iso.group(2), iso.group(3));
    }
    if (dayFirst.matches()) {
      return referenceDate(dayFirst.group(4), dayFirst.group(3), dayFirst.group(1));
    }
    return Either.left(
        new Rejection(
            "date.format",
            "a date is written as year-month-day (2024-03-31) or day-month-year (31-03-2024, also"
                + " with / or .)"));
  }

  private static Either<Rejection, String> referenceDate(String year, String month, String day) {
    int monthNumber = Integer.parseInt(month);
    int yearNumber = Integer.parseInt(year);
    if (monthNumber < 1 || monthNumber > 12) {
      return Either.left(new Rejection("date.month", "the month must be 1 to 12"));
    }
    if (yearNumber < 1800 || yearNumber > 2099) {
      return Either.left(new Rejection("date.year", "the year must be 1800 to 2099"));
    }
    YearMonth yearMonth = YearMonth.of(yearNumber, monthNumber);
    int dayNumber = Integer.parseInt(day);
    if (!yearMonth.isValidDay(dayNumber)) {
      return Either.left(
          new Rejection(
              "date.day",
              "the day does not exist in that month (such as 31 April, or 29 February outside a"
                  + " leap year)"));
    }
    return Either.right(LocalDate.of(yearNumber, monthNumber, dayNumber).toString());
  }

  private static String referenceSurnameCode(String surname) {
    String[] letters = referenceLetters(surname);
    return (letters[0] + letters[1] + "XXX").substring(0, 3);
  }

  private static String referenceNameCode(String name) {
    String[] letters = referenceLetters(name);
    String consonants = letters[0];
    if (consonants.length() >= 4) {
      return "" + consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
    }
    return (consonants + letters[1] + "XXX").substring(0, 3);
  }

  /** Consonants and vowels, in order, of the text without accents and in upper case. */
  private static String[] referenceLetters(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).toUpperCase(Locale.ROOT);
    StringBuilder consonants = new StringBuilder();
    StringBuilder vowels = new StringBuilder();
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if ("AEIOU".indexOf(c) >= 0) {
        vowels.append(c);
      } else if ("BCDFGHJKLMNPQRSTVWXYZ".indexOf(c) >= 0) {
        consonants.append(c);
      }
    }
    return new String[] {consonants.toString(), vowels.toString()};
  }
}

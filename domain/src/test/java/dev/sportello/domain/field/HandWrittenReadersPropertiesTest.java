package dev.sportello.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * Dates, codes, name letters and key order are read by hand, char by char, so that checking a
 * submission allocates little; they accept, refuse and normalise exactly as the regular expressions
 * and string copies they replace did.
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

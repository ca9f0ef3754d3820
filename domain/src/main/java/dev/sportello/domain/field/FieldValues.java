package dev.sportello.domain.field;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checks behind each {@link FieldType}. */
final class FieldValues {
  /**
   * The longest free text accepted, in characters: far above any name, address or registry number,
   * low enough that a pasted document is caught.
   */
  static final int MAX_TEXT_LENGTH = 1_000;

  /** The earliest year a date may have: older records are not held by any online registry. */
  static final int MIN_YEAR = 1800;

  /** The latest year a date may have: anything later is a typo. */
  static final int MAX_YEAR = 2099;

  /** The longest email address that can be delivered (RFC 5321). */
  static final int MAX_EMAIL_LENGTH = 254;

  private static final int COMPANY_CODE_LENGTH = 11;
  private static final int PERSONAL_CODE_LENGTH = 16;
  private static final String VAT_PREFIX = "IT";
  private static final Pattern MUNICIPALITY = Pattern.compile("[A-Z][0-9]{3}");
  private static final Pattern PROVINCE = Pattern.compile("[A-Z]{2}");
  private static final Pattern ISO_DATE = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");
  private static final Pattern DAY_FIRST_DATE =
      Pattern.compile("([0-9]{1,2})([-/.])([0-9]{1,2})\\2([0-9]{4})");
  private static final Pattern DOMAIN = Pattern.compile("[^.]+(\\.[^.]+)+");

  private FieldValues() {}

  static Either<Rejection, String> freeText(String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return reject("text.blank", "the value is empty");
    }
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      return reject(
          "text.control_character",
          "the value holds control characters such as line breaks or tabs, which are not"
              + " accepted");
    }
    var invisible = text.codePoints().filter(FieldValues::isInvisible).findFirst();
    if (invisible.isPresent()) {
      return reject(
          "text.invisible_character",
          String.format(
              Locale.ROOT,
              "the value holds an invisible character (U+%04X), which an operator could not see"
                  + " or type",
              invisible.getAsInt()));
    }
    if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
      return reject("text.too_long", "the value is longer than " + MAX_TEXT_LENGTH + " characters");
    }
    return Either.right(text);
  }

  /**
   * Format characters (zero-width spaces and joiners, direction marks, soft hyphens, byte-order
   * marks), line and paragraph separators, private-use and unassigned code points, and halves of
   * surrogate pairs: text that looks the same as other text but is not.
   */
  private static boolean isInvisible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }

  static Either<Rejection, TaxCodeReading> taxCode(String raw) {
    String code = withoutBlanks(raw);
    return switch (code.length()) {
      case PERSONAL_CODE_LENGTH -> CodiceFiscale.parse(code).map(TaxCodeReading::person);
      case COMPANY_CODE_LENGTH -> PartitaIva.check(code).map(TaxCodeReading::company);
      default ->
          reject(
              "tax_code.length",
              "a codice fiscale has 16 letters and digits (a person's) or 11 digits (a"
                  + " company's)");
    };
  }

  static Either<Rejection, String> vatNumber(String raw) {
    String code = withoutBlanks(raw).toUpperCase(Locale.ROOT);
    // The official SDK accepts a person's codice fiscale in a partita_iva field, so we do too.
    if (code.length() == PERSONAL_CODE_LENGTH) {
      return CodiceFiscale.parse(code).map(CodiceFiscale::value);
    }
    String digits =
        code.length() == VAT_PREFIX.length() + COMPANY_CODE_LENGTH && code.startsWith(VAT_PREFIX)
            ? code.substring(VAT_PREFIX.length())
            : code;
    if (digits.length() != COMPANY_CODE_LENGTH) {
      return reject(
          "partita_iva.length", "a partita IVA has 11 digits, optionally after the prefix IT");
    }
    return PartitaIva.check(digits);
  }

  static Either<Rejection, String> municipalityCode(String raw) {
    String code = raw.strip().toUpperCase(Locale.ROOT);
    if (!MUNICIPALITY.matcher(code).matches()) {
      return reject(
          "municipality_code.format",
          "a municipality code is a letter and three digits, such as H501");
    }
    return Either.right(code);
  }

  static Either<Rejection, String> provinceCode(String raw) {
    String code = raw.strip().toUpperCase(Locale.ROOT);
    if (!PROVINCE.matcher(code).matches()) {
      return reject("province_code.format", "a province code is two letters, such as RM");
    }
    if (!Provinces.isKnown(code)) {
      return reject("province_code.unknown", "no Italian province has this code");
    }
    return Either.right(code);
  }

  static Either<Rejection, String> date(String raw) {
    String text = raw.strip();
    Matcher iso = ISO_DATE.matcher(text);
    Matcher dayFirst = DAY_FIRST_DATE.matcher(text);
    if (iso.matches()) {
      return date(iso.group(1), iso.group(2), iso.group(3)).map(LocalDate::toString);
    }
    if (dayFirst.matches()) {
      return date(dayFirst.group(4), dayFirst.group(3), dayFirst.group(1)).map(LocalDate::toString);
    }
    return reject(
        "date.format",
        "a date is written as year-month-day (2024-03-31) or day-month-year (31-03-2024, also"
            + " with / or .)");
  }

  private static Either<Rejection, LocalDate> date(String year, String month, String day) {
    int monthNumber = Integer.parseInt(month);
    int yearNumber = Integer.parseInt(year);
    if (monthNumber < 1 || monthNumber > 12) {
      return reject("date.month", "the month must be 1 to 12");
    }
    if (yearNumber < MIN_YEAR || yearNumber > MAX_YEAR) {
      return reject("date.year", "the year must be " + MIN_YEAR + " to " + MAX_YEAR);
    }
    YearMonth yearMonth = YearMonth.of(yearNumber, monthNumber);
    int dayNumber = Integer.parseInt(day);
    if (!yearMonth.isValidDay(dayNumber)) {
      return reject(
          "date.day",
          "the day does not exist in that month (such as 31 April, or 29 February outside a"
              + " leap year)");
    }
    return Either.right(yearMonth.atDay(dayNumber));
  }

  static Either<Rejection, String> email(String raw) {
    String email = raw.strip();
    if (email.length() > MAX_EMAIL_LENGTH) {
      return reject(
          "email.too_long", "an email address has at most " + MAX_EMAIL_LENGTH + " characters");
    }
    if (email.chars().anyMatch(c -> isBlank(c) || Character.isISOControl(c))) {
      return reject("email.characters", "an email address has no spaces or control characters");
    }
    int at = email.indexOf('@');
    if (at < 0 || at != email.lastIndexOf('@')) {
      return reject("email.at_sign", "an email address has exactly one @");
    }
    String localPart = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (localPart.isEmpty()) {
      return reject("email.local_part", "an email address has a name before the @");
    }
    if (!DOMAIN.matcher(domain).matches()) {
      return reject(
          "email.domain",
          "an email address ends with a domain such as example.it: names separated by single dots");
    }
    // The local part may be case-sensitive; domains never are.
    return Either.right(localPart + "@" + domain.toLowerCase(Locale.ROOT));
  }

  static Either<Rejection, String> file(String raw, ValuePolicy policy) {
    return InlineFile.check(raw.strip(), policy);
  }

  /** The text without any blank, including the no-break spaces that copying from documents adds. */
  static String withoutBlanks(String raw) {
    StringBuilder compact = new StringBuilder(raw.length());
    raw.codePoints().filter(c -> !isBlank(c)).forEach(compact::appendCodePoint);
    return compact.toString();
  }

  private static boolean isBlank(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  private static <T> Either<Rejection, T> reject(String code, String message) {
    return Either.left(new Rejection(code, message));
  }
}

package dev.sportello.domain.field;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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
  private static final Pattern DOMAIN = Pattern.compile("[^.]+(\\.[^.]+)+");

  private FieldValues() {}

  static Either<Rejection, String> freeText(String raw) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return reject("text.blank", "the value is empty");
    }
    // One pass over the code points: a control character anywhere is reported before an invisible
    // one, which is reported before the length.
    int invisible = -1;
    int codePoints = 0;
    for (int i = 0; i < text.length(); codePoints++) {
      char c = text.charAt(i);
      // Printable ASCII is neither a control character nor invisible: no table to look up.
      if (c >= ' ' && c < 0x7F) {
        i++;
        continue;
      }
      int codePoint = text.codePointAt(i);
      if (Character.isISOControl(codePoint)) {
        return reject(
            "text.control_character",
            "the value holds control characters such as line breaks or tabs, which are not"
                + " accepted");
      }
      if (invisible < 0 && isInvisible(codePoint)) {
        invisible = codePoint;
      }
      i += Character.charCount(codePoint);
    }
    if (invisible >= 0) {
      return reject(
          "text.invisible_character",
          String.format(
              Locale.ROOT,
              "the value holds an invisible character (U+%04X), which an operator could not see"
                  + " or type",
              invisible));
    }
    if (codePoints > MAX_TEXT_LENGTH) {
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
    if (!(code.length() == 4 && isLetter(code.charAt(0)) && digits(code, 1, 4) >= 0)) {
      return reject(
          "municipality_code.format",
          "a municipality code is a letter and three digits, such as H501");
    }
    return Either.right(code);
  }

  static Either<Rejection, String> provinceCode(String raw) {
    String code = raw.strip().toUpperCase(Locale.ROOT);
    if (!(code.length() == 2 && isLetter(code.charAt(0)) && isLetter(code.charAt(1)))) {
      return reject("province_code.format", "a province code is two letters, such as RM");
    }
    if (!Provinces.isKnown(code)) {
      return reject("province_code.unknown", "no Italian province has this code");
    }
    return Either.right(code);
  }

  /**
   * Reads yyyy-m-d, or d-m-yyyy with the same separator ({@code -}, {@code /} or {@code .}) twice,
   * where m and d have one or two digits.
   */
  static Either<Rejection, String> date(String raw) {
    String text = raw.strip();
    int length = text.length();
    // Year first: four digits, '-', one or two digits, '-', one or two digits, nothing more.
    int monthStart = 5;
    int monthEnd = digitsEnd(text, monthStart);
    int dayEnd = digitsEnd(text, monthEnd + 1);
    if (digitsEnd(text, 0) == 4
        && at(text, 4, '-')
        && isOneOrTwo(monthEnd - monthStart)
        && at(text, monthEnd, '-')
        && isOneOrTwo(dayEnd - monthEnd - 1)
        && dayEnd == length) {
      boolean canonical = monthEnd - monthStart == 2 && dayEnd - monthEnd - 1 == 2;
      return date(
          digits(text, 0, 4),
          digits(text, monthStart, monthEnd),
          digits(text, monthEnd + 1, dayEnd),
          canonical ? text : null);
    }
    // Day first: one or two digits, a separator, one or two digits, the same separator, the year.
    int dayFirstEnd = digitsEnd(text, 0);
    int monthFirstEnd = digitsEnd(text, dayFirstEnd + 1);
    int yearEnd = digitsEnd(text, monthFirstEnd + 1);
    if (isOneOrTwo(dayFirstEnd)
        && dayFirstEnd < length
        && "-/.".indexOf(text.charAt(dayFirstEnd)) >= 0
        && isOneOrTwo(monthFirstEnd - dayFirstEnd - 1)
        && at(text, monthFirstEnd, text.charAt(dayFirstEnd))
        && yearEnd - monthFirstEnd - 1 == 4
        && yearEnd == length) {
      return date(
          digits(text, monthFirstEnd + 1, yearEnd),
          digits(text, dayFirstEnd + 1, monthFirstEnd),
          digits(text, 0, dayFirstEnd),
          null);
    }
    return reject(
        "date.format",
        "a date is written as year-month-day (2024-03-31) or day-month-year (31-03-2024, also"
            + " with / or .)");
  }

  /**
   * The date as yyyy-mm-dd, or why it does not exist.
   *
   * @param written the text when it is already written as yyyy-mm-dd, so that it need not be
   *     written again
   */
  private static Either<Rejection, String> date(
      int year, int month, int day, @Nullable String written) {
    if (month < 1 || month > 12) {
      return reject("date.month", "the month must be 1 to 12");
    }
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return reject("date.year", "the year must be " + MIN_YEAR + " to " + MAX_YEAR);
    }
    if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
      return reject(
          "date.day",
          "the day does not exist in that month (such as 31 April, or 29 February outside a"
              + " leap year)");
    }
    return Either.right(written != null ? written : LocalDate.of(year, month, day).toString());
  }

  private static boolean isOneOrTwo(int digits) {
    return digits == 1 || digits == 2;
  }

  private static boolean at(String text, int index, char expected) {
    return index >= 0 && index < text.length() && text.charAt(index) == expected;
  }

  /** Where the run of ASCII digits starting at {@code start} ends. */
  private static int digitsEnd(String text, int start) {
    int end = start;
    while (end < text.length() && isDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** The number the ASCII digits from {@code start} to {@code end} write; -1 if not all digits. */
  static int digits(String text, int start, int end) {
    int number = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
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
    // No code point outside the first plane is blank, so a scan of the chars decides.
    boolean blanks = false;
    for (int i = 0; i < raw.length() && !blanks; i++) {
      blanks = isBlank(raw.charAt(i));
    }
    if (!blanks) {
      return raw;
    }
    StringBuilder compact = new StringBuilder(raw.length());
    raw.codePoints().filter(c -> !isBlank(c)).forEach(compact::appendCodePoint);
    return compact.toString();
  }

  private static boolean isBlank(int codePoint) {
    // Printable ASCII is never blank: most values are decided without the character tables.
    if (codePoint > ' ' && codePoint < 0x7F) {
      return false;
    }
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  private static <T> Either<Rejection, T> reject(String code, String message) {
    return Either.left(new Rejection(code, message));
  }
}

package dev.sportello.domain.field;

import io.vavr.control.Either;
import java.util.Locale;

/** The checks behind each {@link FieldType}. */
final class FieldValues {
  private static final int COMPANY_CODE_LENGTH = 11;
  private static final int PERSONAL_CODE_LENGTH = 16;
  private static final String VAT_PREFIX = "IT";

  private FieldValues() {}

  static Either<Rejection, String> freeText(String raw) {
    return Either.left(new Rejection("pending", "pending"));
  }

  static Either<Rejection, String> taxCode(String raw) {
    String code = withoutBlanks(raw);
    return switch (code.length()) {
      case PERSONAL_CODE_LENGTH -> CodiceFiscale.parse(code).map(CodiceFiscale::value);
      case COMPANY_CODE_LENGTH -> PartitaIva.check(code);
      default ->
          reject(
              "tax_code.length",
              "a codice fiscale has 16 letters and digits (a person's) or 11 digits (a"
                  + " company's)");
    };
  }

  static Either<Rejection, String> vatNumber(String raw) {
    String code = withoutBlanks(raw).toUpperCase(Locale.ROOT);
    // Only the official SDK's leniency makes a personal code acceptable here.
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
    return Either.left(new Rejection("pending", "pending"));
  }

  static Either<Rejection, String> provinceCode(String raw) {
    return Either.left(new Rejection("pending", "pending"));
  }

  static Either<Rejection, String> date(String raw, DateWireFormat format) {
    return Either.left(new Rejection("pending", "pending"));
  }

  static Either<Rejection, String> email(String raw) {
    return Either.left(new Rejection("pending", "pending"));
  }

  static Either<Rejection, String> file(String raw, ValuePolicy policy) {
    return Either.left(new Rejection("pending", "pending"));
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

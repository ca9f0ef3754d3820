package dev.sportello.domain.field;

import io.vavr.control.Either;

/** The checks behind each {@link FieldType}. */
final class FieldValues {

  private FieldValues() {}

  static Either<Rejection, String> freeText(String raw) {
    return Either.left(new Rejection("pending", "pending"));
  }

  static Either<Rejection, String> taxCode(String raw) {
    return Either.left(new Rejection("pending", "pending"));
  }

  static Either<Rejection, String> vatNumber(String raw) {
    return Either.left(new Rejection("pending", "pending"));
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
}

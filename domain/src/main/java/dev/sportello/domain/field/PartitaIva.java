package dev.sportello.domain.field;

import io.vavr.control.Either;

/** The 11-digit number of a partita IVA, which is also the codice fiscale of most companies. */
final class PartitaIva {
  private static final int LENGTH = 11;

  private PartitaIva() {}

  /**
   * Checks 11 characters as a partita IVA: digits only, not all zeros, and a correct last digit.
   *
   * @return the digits unchanged, or why they are not a partita IVA
   */
  static Either<Rejection, String> check(String digits) {
    if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return reject("digits", "an 11-character tax number has digits only");
    }
    // All zeros passes the checksum but is only ever a placeholder.
    if (digits.chars().allMatch(c -> c == '0')) {
      return reject("zeros", "a partita IVA is never all zeros");
    }
    if (digits.charAt(LENGTH - 1) - '0' != checkDigit(digits)) {
      return reject(
          "check_digit",
          "the last digit does not match the others, so some digit is probably mistyped");
    }
    return Either.right(digits);
  }

  /** The check digit for the first ten digits: a Luhn sum, doubling the digits in even places. */
  private static int checkDigit(String digits) {
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      int digit = digits.charAt(i) - '0';
      // Positions count from 1, so odd indexes are the even places.
      int value = i % 2 == 0 ? digit : digit * 2;
      sum += value > 9 ? value - 9 : value;
    }
    return (10 - sum % 10) % 10;
  }

  private static Either<Rejection, String> reject(String reason, String message) {
    return Either.left(new Rejection("partita_iva." + reason, message));
  }
}

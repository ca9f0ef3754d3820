package dev.sportello.domain.field;

/**
 * Check characters computed independently of the production code, so that tests do not grade the
 * code with its own arithmetic.
 */
final class ReferenceCodes {
  // The odd-position table written as letters: the letter at index i is 'A' plus the value of
  // the i-th symbol, digits 0–9 sharing the symbols A–J.
  private static final String ODD = "BAFHJNPRTVCESULDGIMOQKWZYX";

  private ReferenceCodes() {}

  /** A codice fiscale: the first 15 characters followed by their check character. */
  static String withCheckCharacter(String first15) {
    int total = 0;
    for (int position = 1; position <= 15; position++) {
      char c = first15.charAt(position - 1);
      char symbol = Character.isDigit(c) ? (char) ('A' + (c - '0')) : c;
      char worth = position % 2 == 1 ? ODD.charAt(symbol - 'A') : symbol;
      total += worth - 'A';
    }
    return first15 + (char) ('A' + total % 26);
  }

  /** A partita IVA: the first ten digits followed by the digit that passes the Luhn test. */
  static String withCheckDigit(String first10) {
    for (char digit = '0'; digit <= '9'; digit++) {
      if (passesLuhn(first10 + digit)) {
        return first10 + digit;
      }
    }
    throw new AssertionError("some digit always completes a Luhn number");
  }

  /** The classic Luhn test: double every second digit from the right, sum the digits, mod 10. */
  static boolean passesLuhn(String digits) {
    int total = 0;
    for (int fromRight = 0; fromRight < digits.length(); fromRight++) {
      int digit = digits.charAt(digits.length() - 1 - fromRight) - '0';
      int worth = fromRight % 2 == 1 ? digit * 2 : digit;
      total += worth / 10 + worth % 10;
    }
    return total % 10 == 0;
  }
}

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
}

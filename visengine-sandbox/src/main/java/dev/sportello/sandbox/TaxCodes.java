package dev.sportello.sandbox;

import java.util.Locale;
import java.util.regex.Pattern;

/** Format and check-digit rules of the Italian codice fiscale and partita IVA. */
final class TaxCodes {

  /**
   * Letters for surname, name, year, month, day, municipality and check; digits may be replaced by
   * the omocodia letters L-V in the numeric positions.
   */
  private static final Pattern PERSONAL =
      Pattern.compile(
          "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");

  private static final Pattern VAT = Pattern.compile("[0-9]{11}");

  /** Values of characters in odd positions (1st, 3rd, ...) for the check character. */
  private static final int[] ODD_VALUES = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  private TaxCodes() {}

  static boolean isPersonalTaxCode(String value) {
    String code = value.toUpperCase(Locale.ROOT);
    return PERSONAL.matcher(code).matches() && checkCharacter(code) == code.charAt(15);
  }

  static char checkCharacter(String firstFifteen) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = firstFifteen.charAt(i);
      int index = Character.isDigit(c) ? c - '0' : c - 'A';
      // Positions are counted from 1, so index 0 is an odd position.
      sum += i % 2 == 0 ? ODD_VALUES[index] : index;
    }
    return (char) ('A' + sum % 26);
  }

  static boolean isVatNumber(String value) {
    return VAT.matcher(value).matches()
        && vatCheckDigit(value.substring(0, 10)) == value.charAt(10);
  }

  /** The partita IVA check digit (a Luhn variant) of its first ten digits. */
  static char vatCheckDigit(String firstTen) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      int digit = firstTen.charAt(i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }
}

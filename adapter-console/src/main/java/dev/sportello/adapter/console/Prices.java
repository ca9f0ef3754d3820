package dev.sportello.adapter.console;

import dev.sportello.domain.shared.Money;
import java.text.NumberFormat;
import java.util.Currency;

/** Amounts of euro as a reader of the page's language writes them, such as {@code € 12,20}. */
final class Prices {
  private static final Currency EURO = Currency.getInstance("EUR");

  private Prices() {}

  static String euros(Money amount, Text text) {
    NumberFormat format = NumberFormat.getCurrencyInstance(text.language().locale());
    format.setCurrency(EURO);
    return format.format(amount.euros());
  }
}

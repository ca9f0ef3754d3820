package dev.sportello.domain.field;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How dates are written when sent upstream; dates are accepted in either form. */
public enum DateWireFormat {
  /** {@code 2024-03-31}. */
  ISO("yyyy-MM-dd"),
  /** {@code 31-03-2024}, the form the official SDK checks {@code data_iso8601} against. */
  DAY_MONTH_YEAR("dd-MM-yyyy");

  private final DateTimeFormatter formatter;

  DateWireFormat(String pattern) {
    this.formatter = DateTimeFormatter.ofPattern(pattern);
  }

  public String format(LocalDate date) {
    return formatter.format(date);
  }
}

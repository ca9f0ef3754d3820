package dev.sportello.domain.field;

import io.vavr.control.Option;
import io.vavr.control.Try;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** How dates are written when sent upstream; dates are accepted in either form. */
public enum DateWireFormat {
  /** {@code 2024-03-31}. */
  ISO("uuuu-MM-dd"),
  /** {@code 31-03-2024}, the form the official SDK checks {@code data_iso8601} against. */
  DAY_MONTH_YEAR("dd-MM-uuuu");

  private final DateTimeFormatter formatter;

  DateWireFormat(String pattern) {
    this.formatter = DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
  }

  public String format(LocalDate date) {
    return formatter.format(date);
  }

  /** Reads a date written in this form; empty when it is not. */
  public Option<LocalDate> parse(String text) {
    return Try.of(() -> LocalDate.parse(text, formatter)).toOption();
  }
}

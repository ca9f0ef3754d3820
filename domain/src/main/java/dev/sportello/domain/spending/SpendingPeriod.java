package dev.sportello.domain.spending;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * A calendar period that a spending cap covers, in Italian time: the vendor's and its customers'. A
 * day begins at midnight in Rome, a month on its 1st; daylight saving time makes some days 23 or 25
 * hours long.
 */
public enum SpendingPeriod {
  /** A calendar day. */
  DAY,
  /** A calendar month. */
  MONTH;

  /** The time zone that periods follow. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

  /**
   * The period that holds an instant.
   *
   * @param at the instant
   * @return the window
   */
  public Window window(Instant at) {
    LocalDate date = at.atZone(ZONE).toLocalDate();
    LocalDate first =
        switch (this) {
          case DAY -> date;
          case MONTH -> date.withDayOfMonth(1);
        };
    LocalDate next =
        switch (this) {
          case DAY -> first.plusDays(1);
          case MONTH -> first.plusMonths(1);
        };
    return new Window(first.atStartOfDay(ZONE).toInstant(), next.atStartOfDay(ZONE).toInstant());
  }

  /**
   * As written in a cap, such as {@code day}.
   *
   * @return the noun
   */
  public String noun() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * One occurrence of a period.
   *
   * @param start its first instant
   * @param end the first instant after it, when the next one begins and a cap resets
   */
  public record Window(Instant start, Instant end) {
    /** Checks the components. */
    public Window {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("a period ends after it starts");
      }
    }
  }
}

package dev.sportello.domain.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpendingPeriodTest {

  @Test
  void aDayBeginsAtMidnightInRome() {
    // 23:30 UTC on 1 March is already 2 March in Rome (UTC+1 in winter).
    SpendingPeriod.Window day = SpendingPeriod.DAY.window(Instant.parse("2025-03-01T23:30:00Z"));

    assertThat(day.start()).isEqualTo(Instant.parse("2025-03-01T23:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2025-03-02T23:00:00Z"));
  }

  @Test
  void aSummerDayFollowsRomesSummerTime() {
    SpendingPeriod.Window day = SpendingPeriod.DAY.window(Instant.parse("2025-07-10T12:00:00Z"));

    assertThat(day.start()).isEqualTo(Instant.parse("2025-07-09T22:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2025-07-10T22:00:00Z"));
  }

  @Test
  void theDayTheClocksGoForwardHas23Hours() {
    SpendingPeriod.Window day = SpendingPeriod.DAY.window(Instant.parse("2025-03-30T12:00:00Z"));

    assertThat(day.start()).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
    assertThat(day.end()).isEqualTo(Instant.parse("2025-03-30T22:00:00Z"));
  }

  @Test
  void aMonthBeginsOnItsFirstInRome() {
    SpendingPeriod.Window month =
        SpendingPeriod.MONTH.window(Instant.parse("2025-03-31T22:30:00Z"));

    // 22:30 UTC on 31 March is 00:30 on 1 April in Rome (UTC+2 from 30 March).
    assertThat(month.start()).isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
    assertThat(month.end()).isEqualTo(Instant.parse("2025-04-30T22:00:00Z"));
  }

  @Test
  void theLastInstantOfAPeriodIsStillInIt() {
    Instant end = SpendingPeriod.DAY.window(Instant.parse("2025-03-01T12:00:00Z")).end();

    assertThat(SpendingPeriod.DAY.window(end.minusNanos(1)).end()).isEqualTo(end);
    assertThat(SpendingPeriod.DAY.window(end).start()).isEqualTo(end);
  }
}

package dev.sportello.domain.spending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.shared.Money;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpendingCapsTest {
  private static final Instant NOON = Instant.parse("2025-03-01T11:00:00Z");

  private static SpendingCaps parsed(String text) {
    return SpendingCaps.parse(text)
        .toEither()
        .getOrElseThrow(problems -> new AssertionError(problems.mkString("; ")));
  }

  private static SpendingCap cap(SpendingPeriod period, long cents) {
    return new SpendingCap(period, Money.ofCents(cents));
  }

  @Test
  void aCallersOwnCapWinsOverEveryCallers() {
    SpendingCaps caps = parsed("alice=50/day,alice=800/month,*=20/day");

    assertThat(caps.of("alice"))
        .containsExactly(cap(SpendingPeriod.DAY, 5000), cap(SpendingPeriod.MONTH, 80000));
  }

  @Test
  void aCallerWithoutItsOwnCapHasEveryCallersForThatPeriod() {
    SpendingCaps caps = parsed("alice=800/month,*=20/day");

    assertThat(caps.of("alice"))
        .containsExactly(cap(SpendingPeriod.DAY, 2000), cap(SpendingPeriod.MONTH, 80000));
    assertThat(caps.of("bob")).containsExactly(cap(SpendingPeriod.DAY, 2000));
  }

  @Test
  void aPeriodWithoutAnyCapIsUnlimited() {
    assertThat(parsed("alice=50/day").of("alice", SpendingPeriod.MONTH)).isEqualTo(Option.none());
    assertThat(SpendingCaps.none().of("alice")).isEmpty();
  }

  @Test
  void amountsTakeUpToTwoDecimalsAndPeriodsAnyCase() {
    assertThat(parsed(" alice=12.5/Day ").of("alice"))
        .containsExactly(cap(SpendingPeriod.DAY, 1250));
    assertThat(parsed("bob=0.01/MONTH").of("bob")).containsExactly(cap(SpendingPeriod.MONTH, 1));
  }

  @Test
  void everyMalformedEntryIsReportedQuoted() {
    List<String> problems =
        SpendingCaps.parse("alice=50/week,bob=-5/day,carol=1.234/day,dave=0/day,=5/day,,eve=5")
            .getError();

    assertThat(problems).hasSize(7);
    assertThat(problems.get(0)).startsWith("\"alice=50/week\": the period is day or month");
    assertThat(problems.get(1)).startsWith("\"bob=-5/day\": not caller=amount/period");
    assertThat(problems.get(2)).startsWith("\"carol=1.234/day\"");
    assertThat(problems.get(3)).isEqualTo("\"dave=0/day\": a cap is more than zero");
    assertThat(problems.get(4)).startsWith("\"=5/day\"");
    assertThat(problems.get(5)).startsWith("\"\"");
    assertThat(problems.get(6)).startsWith("\"eve=5\"");
  }

  @Test
  void aSecondCapForTheSameCallerAndPeriodIsRefused() {
    assertThat(SpendingCaps.parse("alice=50/day,*=20/day,alice=60/day").getError())
        .containsExactly("\"alice=60/day\": alice already has a cap per day");
  }

  @Test
  void anOrderThatReachesTheCapExactlyIsAllowed() {
    SpendingCap cap = cap(SpendingPeriod.DAY, 5000);

    assertThat(cap.refuses(Money.ofCents(3780), Money.ofCents(1220), NOON)).isEmpty();
  }

  @Test
  void anOrderOverTheCapIsRefusedUntilTheNextPeriod() {
    SpendingCap cap = cap(SpendingPeriod.DAY, 5000);

    CapReached reached = cap.refuses(Money.ofCents(3781), Money.ofCents(1220), NOON).get();

    assertThat(reached)
        .isEqualTo(
            new CapReached(
                cap,
                Money.ofCents(3781),
                Money.ofCents(1220),
                Instant.parse("2025-03-01T23:00:00Z")));
    assertThat(reached.message())
        .isEqualTo(
            "the spending cap of 50.00 EUR per day is reached: 37.81 EUR spent this day, and this"
                + " order costs 12.20 EUR; the cap resets at 2025-03-01T23:00:00Z");
  }
}

package dev.sportello.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest(name = "{0} euros are {1} cents")
  @CsvSource({
    "40, 4000",
    "25.7, 2570",
    "0.38, 38",
    "4.785, 479",
    "4.784, 478",
    "0.005, 1",
    "0.0049, 0",
    "0.001, 0",
    "0, 0"
  })
  void eurosAreReadToTheCentRoundingHalfUp(String euros, long cents) {
    assertThat(Money.ofEuros(new BigDecimal(euros)).get()).isEqualTo(Money.ofCents(cents));
  }

  @Test
  void aNegativePriceIsRefused() {
    assertThat(Money.ofEuros(new BigDecimal("-0.01")).getError())
        .isEqualTo("a price cannot be negative");
  }

  @Test
  void aPriceBeyondTheLargestAmountIsRefused() {
    BigDecimal largest = BigDecimal.valueOf(Long.MAX_VALUE, 2);

    assertThat(Money.ofEuros(largest).get()).isEqualTo(Money.ofCents(Long.MAX_VALUE));
    assertThat(Money.ofEuros(largest.add(new BigDecimal("0.01"))).getError())
        .isEqualTo("a price is too large");
  }

  @Test
  void anExtremeExponentIsReadAtOnce() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertThat(Money.ofEuros(new BigDecimal("1E+999999999")).isInvalid()).isTrue();
          assertThat(Money.ofEuros(new BigDecimal("1E-999999999")).get()).isEqualTo(Money.ZERO);
        });
  }

  @Test
  void negativeCentsCannotBeBuilt() {
    assertThatThrownBy(() -> Money.ofCents(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void amountsAddUp() {
    assertThat(Money.ofCents(4000).plus(Money.ofCents(400))).isEqualTo(Money.ofCents(4400));
  }

  @Test
  void aSumBeyondTheLargestAmountFailsLoudly() {
    Money largest = Money.ofCents(Long.MAX_VALUE);

    assertThatThrownBy(() -> largest.plus(Money.ofCents(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void anAmountMultiplies() {
    assertThat(Money.ofCents(38).times(3)).isEqualTo(Money.ofCents(114));
  }

  @Test
  void aProductBeyondTheLargestAmountFailsLoudly() {
    Money large = Money.ofCents(Long.MAX_VALUE / 2 + 1);

    assertThatThrownBy(() -> large.times(2)).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest(name = "{1}% of {0} cents is {2} cents")
  @CsvSource({"4400, 22, 968", "25, 22, 6", "2, 22, 0", "1000, 0, 0", "1000, 100, 1000"})
  void aPercentageIsRoundedHalfUpToTheCent(long cents, int percent, long expected) {
    assertThat(Money.ofCents(cents).percent(percent)).isEqualTo(Money.ofCents(expected));
  }

  @Test
  void anAmountPrintsAsPlainEurosWithTwoPlaces() {
    assertThat(Money.ofCents(4880)).hasToString("48.80");
    assertThat(Money.ofCents(5)).hasToString("0.05");
    assertThat(Money.ofCents(4880).euros()).isEqualByComparingTo("48.8");
  }

  @Test
  void amountsOrderByValue() {
    assertThat(Money.ofCents(1)).isLessThan(Money.ofCents(2));
    assertThat(Money.ofCents(2)).isEqualByComparingTo(Money.ofCents(2));
  }

  @Property
  void readingAnAmountInEurosGivesTheSameCents(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long cents) {
    Money money = Money.ofCents(cents);

    assertThat(Money.ofEuros(money.euros()).get()).isEqualTo(money);
  }
}

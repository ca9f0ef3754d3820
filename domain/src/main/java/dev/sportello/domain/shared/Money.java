package dev.sportello.domain.shared;

import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of euro, held in cents so that sums are exact.
 *
 * @param cents the amount in euro cents; never negative
 */
public record Money(long cents) implements Comparable<Money> {
  /** No money. */
  public static final Money ZERO = new Money(0);

  private static final BigDecimal LARGEST_EUROS = BigDecimal.valueOf(Long.MAX_VALUE, 2);
  private static final BigDecimal HALF_A_CENT = new BigDecimal("0.005");

  /** Checks the components. */
  public Money {
    if (cents < 0) {
      throw new IllegalArgumentException("money is never negative: " + cents);
    }
  }

  /**
   * An amount in euro cents.
   *
   * @param cents the amount, never negative
   * @return the amount
   */
  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  /**
   * Reads a euro amount as published upstream (for example {@code 4.9} or {@code "0.38"}), rounding
   * half up to the cent. Amounts below one cent, such as a per-call fee of 0.001, round to zero.
   *
   * @param euros the amount in euros
   * @return the amount, or why it is not one
   */
  public static Validation<String, Money> ofEuros(BigDecimal euros) {
    if (euros.signum() < 0) {
      return Validation.invalid("a price cannot be negative");
    }
    // Compare before rescaling: rescaling an extreme exponent such as 1E-99999999 or 1E+99999999
    // builds a number of millions of digits and takes minutes.
    if (euros.compareTo(LARGEST_EUROS) > 0) {
      return Validation.invalid("a price is too large");
    }
    if (euros.compareTo(HALF_A_CENT) < 0) {
      return Validation.valid(ZERO);
    }
    return Validation.valid(
        new Money(euros.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact()));
  }

  /**
   * The sum of two amounts.
   *
   * @param other the amount to add
   * @return the sum
   */
  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  /**
   * This amount a number of times.
   *
   * @param factor how many times, never negative
   * @return the product
   */
  public Money times(int factor) {
    return new Money(Math.multiplyExact(cents, factor));
  }

  /**
   * The given percentage of this amount, rounded half up to the cent.
   *
   * @param percentage the percentage
   * @return the share
   */
  public Money percent(int percentage) {
    BigDecimal result =
        BigDecimal.valueOf(cents)
            .multiply(BigDecimal.valueOf(percentage))
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
    return new Money(result.longValueExact());
  }

  /**
   * The amount in euros, with two decimals.
   *
   * @return the amount
   */
  public BigDecimal euros() {
    return BigDecimal.valueOf(cents, 2);
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }

  /** Plain decimal euros with two places, such as {@code 48.80}. */
  @Override
  public String toString() {
    return euros().toPlainString();
  }
}

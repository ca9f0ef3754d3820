package dev.sportello.domain.spending;

import dev.sportello.domain.shared.Money;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * The most a caller may spend in one period, in euros with VAT.
 *
 * @param period the period it covers
 * @param limit the amount; never zero
 */
public record SpendingCap(SpendingPeriod period, Money limit) {
  /** Checks the components. */
  public SpendingCap {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(limit, "limit");
    if (limit.equals(Money.ZERO)) {
      throw new IllegalArgumentException("a spending cap is more than zero");
    }
  }

  /**
   * Whether an order of {@code amount} at {@code at} goes over this cap, with {@code spent} already
   * spent in the period: exactly reaching the cap is allowed.
   *
   * @param spent what the caller spent in the period so far
   * @param amount what the new charge costs
   * @param at when the charge is made
   * @return the cap reached, or none when the charge fits
   */
  public Option<CapReached> refuses(Money spent, Money amount, Instant at) {
    return spent.plus(amount).compareTo(limit) > 0
        ? Option.some(new CapReached(this, spent, amount, period.window(at).end()))
        : Option.none();
  }

  /** Such as {@code 50.00 EUR per day}. */
  @Override
  public String toString() {
    return limit + " EUR per " + period.noun();
  }
}

package dev.sportello.domain.spending;

import dev.sportello.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * An order refused because it would take its caller over a spending cap.
 *
 * @param cap the cap it would exceed
 * @param spent what the caller already spent in the cap's period
 * @param amount what the order would cost
 * @param resetsAt when the period ends and the cap starts again from zero
 */
public record CapReached(SpendingCap cap, Money spent, Money amount, Instant resetsAt) {
  /** Checks that every component is given. */
  public CapReached {
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(spent, "spent");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(resetsAt, "resetsAt");
  }

  /**
   * An explanation for the caller.
   *
   * @return the explanation
   */
  public String message() {
    return "the spending cap of "
        + cap
        + " is reached: "
        + spent
        + " EUR spent this "
        + cap.period().noun()
        + ", and this order costs "
        + amount
        + " EUR; the cap resets at "
        + resetsAt;
  }
}

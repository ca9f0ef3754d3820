package dev.sportello.application.port.in;

import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.SpendingPeriod;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/** Tells a caller what it spent in the current day and month, and what its caps leave. */
public interface GetSpendingUseCase {

  /**
   * The caller's figures, the day's before the month's.
   *
   * @param caller whose spending
   * @return the day's figures and the month's, or why they could not be read
   */
  Either<UseCaseError, List<SpendingFigures>> spending(String caller);

  /**
   * One period's figures.
   *
   * @param period the period
   * @param cap the caller's cap for it; none when it is not capped
   * @param spent what the caller's orders in the period cost, with VAT, except those that ended
   *     before they were charged
   * @param remaining what the cap still allows; none when it is not capped
   * @param resetsAt when the period ends
   */
  record SpendingFigures(
      SpendingPeriod period,
      Option<Money> cap,
      Money spent,
      Option<Money> remaining,
      Instant resetsAt) {
    /** Checks that every component is given. */
    public SpendingFigures {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(cap, "cap");
      Objects.requireNonNull(spent, "spent");
      Objects.requireNonNull(remaining, "remaining");
      Objects.requireNonNull(resetsAt, "resetsAt");
    }
  }
}

package dev.sportello.application.port.in;

import dev.sportello.domain.shared.Violation;
import dev.sportello.domain.submission.Quote;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * The verdict of a dry run.
 *
 * @param violations every problem found; empty when the submission is valid
 * @param quote the price of the submission as filled in, when the certificate could be priced
 * @param upstreamChecked whether upstream's test mode also accepted it (false when not asked, when
 *     local checks already failed, or when the certificate's engine has no test mode)
 */
public record ValidationReport(
    List<Violation> violations, Option<Quote> quote, boolean upstreamChecked) {
  /** Checks that every component is given. */
  public ValidationReport {
    Objects.requireNonNull(violations, "violations");
    Objects.requireNonNull(quote, "quote");
  }

  /**
   * Whether no problem was found.
   *
   * @return true when {@link #violations()} is empty
   */
  public boolean valid() {
    return violations.isEmpty();
  }
}

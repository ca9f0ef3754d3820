package dev.sportello.application.port.out;

import dev.sportello.domain.shared.Money;
import java.util.Objects;

/**
 * Upstream's answer to a test order: it validated the values and priced them, and kept nothing.
 *
 * @param documentPrice the net document price upstream applies
 * @param searchPrice the net search price upstream applies
 */
public record UpstreamQuote(Money documentPrice, Money searchPrice) {
  /** Checks that every component is given. */
  public UpstreamQuote {
    Objects.requireNonNull(documentPrice, "documentPrice");
    Objects.requireNonNull(searchPrice, "searchPrice");
  }
}

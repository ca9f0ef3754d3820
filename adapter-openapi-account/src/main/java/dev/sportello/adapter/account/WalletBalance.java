package dev.sportello.adapter.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The wallet's credit as upstream last told it.
 *
 * @param euros the credit, in euros
 * @param readAt when it was read
 */
public record WalletBalance(BigDecimal euros, Instant readAt) {
  /** Checks that both components are given. */
  public WalletBalance {
    Objects.requireNonNull(euros, "euros");
    Objects.requireNonNull(readAt, "readAt");
  }
}

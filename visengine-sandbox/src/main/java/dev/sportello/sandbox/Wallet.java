package dev.sportello.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The account's prepaid credit and the ledger of what each request was charged, shared by the
 * Visengine and DocuEngine simulators as one Openapi account's wallet is. Each operation is atomic;
 * a charge that finds the credit short changes nothing.
 */
final class Wallet {

  /** The API call that charged the wallet. */
  enum ChargeKind {
    CLOSE,
    ADDED_SEARCH,
    SELECTION
  }

  record Charge(ChargeKind kind, BigDecimal amount, Instant at) {}

  private final Map<String, List<Charge>> ledger = new HashMap<>();
  private BigDecimal balance;
  private @Nullable Instant lastChange;

  Wallet(BigDecimal balance) {
    this.balance = balance;
  }

  /**
   * What closing a request charges on either engine: for a document with a search phase only the
   * search (the document and its options are charged once a result is chosen), otherwise the
   * document and its options.
   */
  static BigDecimal closingCharge(
      boolean hasSearch, BigDecimal searchPrice, BigDecimal documentWithOptions) {
    return hasSearch ? searchPrice : documentWithOptions;
  }

  synchronized BigDecimal balance() {
    return balance;
  }

  synchronized void setBalance(BigDecimal newBalance, Instant at) {
    balance = newBalance;
    lastChange = at;
  }

  /** When a charge or a new balance last changed the credit; empty while it never has. */
  synchronized Optional<Instant> lastChange() {
    return Optional.ofNullable(lastChange);
  }

  /** Charges the wallet, or answers {@code shortRow} ("Insufficient Credit in Wallet: …"). */
  synchronized void charge(
      String requestId, ChargeKind kind, BigDecimal amount, Instant at, ApiError shortRow) {
    requireCover(amount, shortRow);
    balance = balance.subtract(amount);
    lastChange = at;
    ledger.computeIfAbsent(requestId, id -> new ArrayList<>()).add(new Charge(kind, amount, at));
  }

  /** Fails like {@link #charge} would, without charging. */
  synchronized void requireCover(BigDecimal amount, ApiError shortRow) {
    if (balance.compareTo(amount) < 0) {
      throw shortRow.error(balance.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
  }

  synchronized List<Charge> chargesOf(String requestId) {
    return List.copyOf(ledger.getOrDefault(requestId, List.of()));
  }

  synchronized SandboxCharges summaryOf(String requestId) {
    List<Charge> charges = chargesOf(requestId);
    return new SandboxCharges(
        charges.size(),
        charges.stream().map(Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
  }
}

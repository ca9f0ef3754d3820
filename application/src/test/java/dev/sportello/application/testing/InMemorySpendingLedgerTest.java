package dev.sportello.application.testing;

import dev.sportello.application.port.out.SpendingLedger;

class InMemorySpendingLedgerTest extends SpendingLedgerContract {
  @Override
  protected SpendingLedger newLedger() {
    return new InMemorySpendingLedger();
  }
}

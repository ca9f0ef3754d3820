package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.testing.SpendingLedgerContract;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's contract on the H2 store of earlier versions, which is opened only to import it. */
class H2SpendingLedgerTest extends SpendingLedgerContract {
  @TempDir Path directory;
  private final OpenAdapters adapters = new OpenAdapters();

  @Override
  protected SpendingLedger newLedger() {
    return adapters.openedEarlierH2Store(directory, Clock.systemUTC()).spending();
  }

  @Nested
  class SharedByInstances extends SharedSpendingLedgerContract {
    @Override
    Supplier<SpendingLedger> newLedgerSharedByInstances() {
      return () -> adapters.openedEarlierH2Store(directory, Clock.systemUTC()).spending();
    }
  }

  @AfterEach
  void close() {
    adapters.close();
  }
}

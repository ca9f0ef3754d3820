package dev.sportello.application.testing;

import dev.sportello.application.port.out.SyncLock;
import java.util.function.Supplier;

class SingleInstanceSyncLockTest extends SyncLockContract {
  @Override
  protected Supplier<SyncLock> newLockSharedByInstances() {
    SyncLock lock = new SingleInstanceSyncLock();
    return () -> lock;
  }
}

package dev.sportello.application.testing;

import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.SyncLock;
import io.vavr.control.Either;
import java.util.concurrent.locks.ReentrantLock;

/** A lock for one process: a second cycle started while one runs does not run. */
public final class SingleInstanceSyncLock implements SyncLock {
  private final ReentrantLock lock = new ReentrantLock();

  @Override
  public Either<StorageFailure, Boolean> runExclusively(Runnable work) {
    if (!lock.tryLock()) {
      return Either.right(false);
    }
    try {
      work.run();
      return Either.right(true);
    } finally {
      lock.unlock();
    }
  }
}

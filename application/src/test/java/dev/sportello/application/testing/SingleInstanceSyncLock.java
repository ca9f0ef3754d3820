package dev.sportello.application.testing;

import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.SyncLock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A lock for one process: a second cycle started while one runs does not run. */
public final class SingleInstanceSyncLock implements SyncLock {
  private final ReentrantLock lock = new ReentrantLock();

  @Override
  public <T> Either<StorageFailure, Option<T>> runExclusively(Supplier<T> work) {
    if (!lock.tryLock()) {
      return Either.right(Option.none());
    }
    try {
      return Either.right(Option.some(work.get()));
    } finally {
      lock.unlock();
    }
  }
}

package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.SyncLock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The sync lock on the embedded store. Its database file is opened by one process at a time (see
 * {@link SingleProcess}), so one instance is the only possible writer and a lock in this JVM,
 * shared by every adapter opened on the same file, is enough. It is keyed as {@link SingleProcess}
 * is, by the real path of the store's lock file, so that two URLs naming one file share it. Several
 * instances need PostgreSQL and its advisory lock.
 */
final class InProcessSyncLock implements SyncLock {
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final ReentrantLock lock;

  InProcessSyncLock(SingleProcess store) {
    this.lock = LOCKS.computeIfAbsent(store.file(), file -> new ReentrantLock());
  }

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

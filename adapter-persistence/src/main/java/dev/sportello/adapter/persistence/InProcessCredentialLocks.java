package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The credential locks of an embedded store. Its database is opened by one process at a time (see
 * {@link SingleProcess}), so a lock per name in this JVM, shared by every adapter opened on the
 * same store, excludes every other holder, as {@link InProcessSyncLock} does for the sync cycle.
 */
final class InProcessCredentialLocks implements CredentialLocks {
  /** A lock per store and name; names are the few credentials the service keeps. */
  private static final ConcurrentHashMap<Held, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final String store;

  /**
   * @param store names the store, the same for every adapter opened on it
   */
  InProcessCredentialLocks(String store) {
    this.store = store;
  }

  @Override
  public <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work) {
    ReentrantLock lock = LOCKS.computeIfAbsent(new Held(store, name), held -> new ReentrantLock());
    try {
      lock.lockInterruptibly();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Either.left(
          new StorageFailure.Unavailable(
              "interrupted while waiting for the lock of the credential " + name));
    }
    try {
      return Either.right(work.get());
    } finally {
      lock.unlock();
    }
  }

  private record Held(String store, String name) {}
}

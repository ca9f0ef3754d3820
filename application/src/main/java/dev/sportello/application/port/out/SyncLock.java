package dev.sportello.application.port.out;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/** Makes sure only one instance runs the sync cycle at a time when several share a store. */
public interface SyncLock {

  /**
   * Runs the work if this instance gets the lock, without waiting for it, and releases the lock
   * afterwards, also when the work throws.
   *
   * @return the work's result, or none when another holder has the lock and the work did not run
   * @param <T> what the work gives
   * @param work what to run under the lock
   */
  <T> Either<StorageFailure, Option<T>> runExclusively(Supplier<T> work);
}

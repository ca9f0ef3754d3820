package dev.sportello.application.port.out;

import io.vavr.control.Either;

/** Makes sure only one instance runs the sync cycle at a time when several share a store. */
public interface SyncLock {

  /**
   * Runs the work if this instance gets the lock, and releases it afterwards.
   *
   * @return whether the work ran
   */
  Either<StorageFailure, Boolean> runExclusively(Runnable work);
}

package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.util.function.Supplier;

/**
 * The credential locks of an adapter on the application's pool: a holder takes the name's lock in
 * this process before the shared one, so that the threads waiting here for a name wait in memory,
 * not each on a connection borrowed from a pool that the holder's work needs too.
 */
final class QueuedCredentialLocks implements CredentialLocks {
  private final CredentialLocks inProcess;
  private final CredentialLocks shared;

  QueuedCredentialLocks(CredentialLocks inProcess, CredentialLocks shared) {
    this.inProcess = inProcess;
    this.shared = shared;
  }

  @Override
  public <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work) {
    return inProcess
        .whileHolding(name, () -> shared.whileHolding(name, work))
        .flatMap(held -> held);
  }
}

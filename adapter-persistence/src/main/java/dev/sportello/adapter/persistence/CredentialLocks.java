package dev.sportello.adapter.persistence;

import dev.sportello.application.port.out.StorageFailure;
import io.vavr.control.Either;
import java.util.function.Supplier;

/** The named locks under which a credential is replaced; see {@link JdbcCredentialStore}. */
interface CredentialLocks {
  /**
   * Runs the work while holding the name's lock, waiting while another holder has it, and releases
   * it afterwards, also when the work throws.
   *
   * @return the work's result, or why the lock could not be taken (the work did not run)
   */
  <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work);
}

package dev.sportello.application.port.out;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * Keeps the credentials the service calls its upstream with, sealed at rest like personal data, so
 * that every instance sharing the store calls with the same one and only one of them replaces it.
 */
public interface CredentialStore {

  /**
   * The credential kept under this name, if any.
   *
   * @param name the credential's name
   * @return the credential, none when none is kept, or why the store failed
   */
  Either<StorageFailure, Option<StoredCredential>> find(String name);

  /**
   * Keeps the credential under its name, in place of the one kept there.
   *
   * @param credential the credential, named
   * @return the credential as kept, or why the store failed
   */
  Either<StorageFailure, StoredCredential> save(StoredCredential credential);

  /**
   * Runs the work while holding the name's lock, waiting while another instance holds it, and
   * releases the lock afterwards, also when the work throws. Whoever replaces a credential does so
   * under its lock, after reading it again.
   *
   * @param <T> what the work gives
   * @param name the credential's name, whose lock is held
   * @param work what to run under the lock
   * @return what the work gave, or why the lock could not be taken
   */
  <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work);
}

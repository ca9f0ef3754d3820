package dev.sportello.application.testing;

import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Credentials in memory, for one process: the instances that share it are the threads that hold it,
 * each name with a lock of its own.
 */
public final class InMemoryCredentialStore implements CredentialStore {
  private final ConcurrentHashMap<String, StoredCredential> kept = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  @Override
  public Either<StorageFailure, Option<StoredCredential>> find(String name) {
    return Either.right(Option.of(kept.get(name)));
  }

  @Override
  public Either<StorageFailure, StoredCredential> save(StoredCredential credential) {
    kept.put(credential.name(), credential);
    return Either.right(credential);
  }

  @Override
  public <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(name, held -> new ReentrantLock());
    lock.lock();
    try {
      return Either.right(work.get());
    } finally {
      lock.unlock();
    }
  }
}

package dev.sportello.adapter.account;

import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** A credential store in memory, shared by the accounts of a test as instances share one store. */
final class MemoryCredentialStore implements CredentialStore {
  private final Map<String, StoredCredential> kept = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock(true);

  /** How many times a credential was looked for. */
  final AtomicInteger finds = new AtomicInteger();

  /** Whether every read and lock fails, as a database that is down. */
  final AtomicBoolean down = new AtomicBoolean();

  @Override
  public Either<StorageFailure, Option<StoredCredential>> find(String name) {
    finds.incrementAndGet();
    if (down.get()) {
      return Either.left(new StorageFailure.Unavailable("the database is down"));
    }
    return Either.right(Option.of(kept.get(name)));
  }

  @Override
  public Either<StorageFailure, StoredCredential> save(StoredCredential credential) {
    kept.put(credential.name(), credential);
    return Either.right(credential);
  }

  @Override
  public <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work) {
    if (down.get()) {
      return Either.left(new StorageFailure.Unavailable("the database is down"));
    }
    lock.lock();
    try {
      return Either.right(work.get());
    } finally {
      lock.unlock();
    }
  }

  /** The one token kept. */
  String secret() {
    return kept().secret();
  }

  /** The one credential kept. */
  StoredCredential kept() {
    return io.vavr.collection.List.ofAll(kept.values()).single();
  }
}

package dev.sportello.adapter.account;

import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredCredential;
import dev.sportello.application.testing.InMemoryCredentialStore;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The application's credential store in memory, shared by the accounts of a test as instances share
 * one store, with its reads counted and made to fail when a test asks.
 */
final class WatchedCredentialStore implements CredentialStore {
  private final InMemoryCredentialStore store = new InMemoryCredentialStore();
  private final Set<String> names = ConcurrentHashMap.newKeySet();

  /** How many times a credential was looked for. */
  final AtomicInteger finds = new AtomicInteger();

  /** Whether every read and lock fails, as a database that is down. */
  final AtomicBoolean down = new AtomicBoolean();

  @Override
  public Either<StorageFailure, Option<StoredCredential>> find(String name) {
    finds.incrementAndGet();
    return down.get() ? Either.left(unavailable()) : store.find(name);
  }

  @Override
  public Either<StorageFailure, StoredCredential> save(StoredCredential credential) {
    names.add(credential.name());
    return store.save(credential);
  }

  @Override
  public <T> Either<StorageFailure, T> whileHolding(String name, Supplier<T> work) {
    return down.get() ? Either.left(unavailable()) : store.whileHolding(name, work);
  }

  /** The one token kept. */
  String secret() {
    return kept().secret();
  }

  /** The one credential kept. */
  StoredCredential kept() {
    return List.ofAll(names).flatMap(name -> store.find(name).get()).single();
  }

  private static StorageFailure unavailable() {
    return new StorageFailure.Unavailable("the database is down");
  }
}

package dev.sportello.adapter.persistence;

import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential locks on PostgreSQL beyond the store's contract, which runs there across two
 * adapters ({@link PostgresStorageContractTest}): a holder and its waiters take no connection from
 * the pool, so the holder's work reads and saves through a pool of two however many wait.
 */
class PostgresCredentialLocksTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String NAME = "openapi";

  @TempDir Path directory;
  private final OpenAdapters adapters = new OpenAdapters();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void close() {
    threads.shutdownNow();
    adapters.close();
  }

  @Test
  void holdersWaitingOnTwoInstancesLeaveTheHoldersWorkAPoolOfTwo() throws Exception {
    PersistenceSettings database = EmbeddedPostgresServer.newDatabase(directory).withPoolSize(2);
    PersistenceAdapter first = adapters.opened(database);
    PersistenceAdapter second = adapters.opened(database);
    right(first.credentials().save(counting(0)));
    int waiters = 3;
    CountDownLatch holding = new CountDownLatch(1);
    Future<StoredCredential> holder =
        threads.submit(() ->
            right(
                first
                    .credentials()
                    .whileHolding(
                        NAME,
                        () -> {
                          holding.countDown();
                          awaitWaitersOn(database, waiters);
                          return replaceCounting(first);
                        })));
    assertThat(holding.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    var waiting = new ArrayList<Future<StoredCredential>>();
    for (int waiter = 0; waiter < waiters; waiter++) {
      // Two wait on the holder's own instance: a pool of two drained by them would starve it.
      PersistenceAdapter instance = waiter == 0 ? second : first;
      waiting.add(
          threads.submit(() ->
              right(instance.credentials().whileHolding(NAME, () -> replaceCounting(instance)))));
    }

    assertThat(holder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).label()).isEqualTo("1");
    for (Future<StoredCredential> waiter : waiting) {
      waiter.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
    assertThat(right(second.credentials().find(NAME)).map(StoredCredential::label))
        .isEqualTo(Option.some(String.valueOf(1 + waiters)));
  }

  @Test
  void aLockNotHadWithinThePatienceIsAStorageFailure() throws Exception {
    PersistenceSettings database = EmbeddedPostgresServer.newDatabase(directory);
    PersistenceAdapter holding = adapters.opened(database);
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    Future<Boolean> holder =
        threads.submit(() ->
            right(
                holding
                    .credentials()
                    .whileHolding(
                        NAME,
                        () -> {
                          held.countDown();
                          return await(released);
                        })));
    assertThat(held.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    PostgresCredentialLocks impatient =
        new PostgresCredentialLocks(
            () ->
                DriverManager.getConnection(
                    database.jdbcUrl(), database.user(), database.password()),
            Duration.ofMillis(300));

    StorageFailure failure = left(impatient.whileHolding(NAME, () -> "never run"));

    assertThat(failure).isInstanceOf(StorageFailure.Unavailable.class);
    assertThat(failure.message()).contains("was not had within");
    released.countDown();
    assertThat(holder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(right(impatient.whileHolding(NAME, () -> "run"))).isEqualTo("run");
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static StoredCredential counting(int count) {
    return new StoredCredential(
        NAME,
        "token-" + count,
        String.valueOf(count),
        io.vavr.collection.List.empty(),
        Instant.parse("2027-01-31T23:59:59Z"));
  }

  /** Reads the credential and replaces it by one whose label counts one more replacement. */
  private static StoredCredential replaceCounting(PersistenceAdapter instance) {
    StoredCredential read = right(instance.credentials().find(NAME)).get();
    return right(instance.credentials().save(counting(Integer.parseInt(read.label()) + 1)));
  }

  /** Waits until the database shows that many sessions waiting for an advisory lock. */
  private static void awaitWaitersOn(PersistenceSettings database, int waiters) {
    Jdbi jdbi = Jdbi.create(database.jdbcUrl(), database.user(), database.password());
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (waitingSessions(jdbi) < waiters) {
      assertThat(System.nanoTime()).as("waited %s for the waiters", PATIENCE).isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }

  private static int waitingSessions(Jdbi jdbi) {
    return jdbi.withHandle(handle ->
        handle
            .createQuery(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    + " AND database = (SELECT oid FROM pg_database"
                    + " WHERE datname = current_database())")
            .mapTo(Integer.class)
            .one());
  }
}

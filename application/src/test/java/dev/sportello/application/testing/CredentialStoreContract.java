package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.application.port.out.CredentialStore;
import dev.sportello.application.port.out.StoredCredential;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CredentialStore} must do; an implementation's test extends this. */
public abstract class CredentialStoreContract {
  /** Bounds every wait, so that a store that never answers fails the test instead of hanging. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * How long a holder watches for a second holder of its name getting in: a lock that does not
   * exclude lets it in well within this.
   */
  private static final Duration WATCH = Duration.ofMillis(300);

  private static final String NAME = "openapi";
  private static final Instant EXPIRY = Instant.parse("2027-01-31T23:59:59Z");

  @SuppressWarnings("NullAway.Init") // set before each test
  private CredentialStore store;

  @SuppressWarnings("NullAway.Init") // set before each test
  private CredentialStore rival;

  @SuppressWarnings("NullAway.Init") // set before each test
  private ExecutorService threads;

  /**
   * A new, empty store, reached the way instances sharing it reach it: each call of the supplier
   * gives one more instance's handle on the same store. A store confined to one process may give
   * the same object each time.
   */
  protected abstract Supplier<CredentialStore> newStoreSharedByInstances();

  @BeforeEach
  void createStore() {
    Supplier<CredentialStore> instances = newStoreSharedByInstances();
    store = instances.get();
    rival = instances.get();
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private static StoredCredential credential(String name, String secret, String label) {
    return new StoredCredential(
        name,
        secret,
        label,
        List.of(
            "GET:test.visengine2.altravia.com/visure",
            "POST:test.visengine2.altravia.com/richiesta"),
        EXPIRY);
  }

  @Test
  void aNameNothingWasSavedUnderHoldsNoCredential() {
    assertThat(right(store.find(NAME))).isEqualTo(Option.none());
  }

  @Test
  void aSavedCredentialIsFoundWhole() {
    StoredCredential saved = credential(NAME, "token-1", "Sportello (production)");

    assertThat(right(store.save(saved))).isEqualTo(saved);
    assertThat(right(store.find(NAME))).isEqualTo(Option.some(saved));
  }

  @Test
  void aSaveReplacesWhatTheNameHeld() {
    right(store.save(credential(NAME, "token-1", "first")));
    StoredCredential replacement =
        new StoredCredential(NAME, "token-2", "second", List.empty(), EXPIRY.plusSeconds(3600));

    right(store.save(replacement));

    assertThat(right(store.find(NAME))).isEqualTo(Option.some(replacement));
  }

  @Test
  void eachNameKeepsItsOwnCredential() {
    StoredCredential openapi = credential(NAME, "token-1", "first");
    StoredCredential other = credential("other", "token-2", "second");

    right(store.save(openapi));
    right(store.save(other));

    assertThat(right(store.find(NAME))).isEqualTo(Option.some(openapi));
    assertThat(right(store.find("other"))).isEqualTo(Option.some(other));
  }

  @Test
  void whatOneInstanceSavesAnotherFinds() {
    StoredCredential saved = credential(NAME, "token-1", "first");

    right(store.save(saved));

    assertThat(right(rival.find(NAME))).isEqualTo(Option.some(saved));
  }

  @Test
  void theWorkRunsAndItsResultIsReturned() {
    assertThat(right(store.whileHolding(NAME, () -> "the work's result")))
        .isEqualTo("the work's result");
  }

  @Test
  void theWorkReadsAndReplacesTheCredentialWhoseNameItHolds() {
    right(store.save(credential(NAME, "token-1", "first")));
    StoredCredential replacement = credential(NAME, "token-2", "second");

    Option<StoredCredential> read =
        right(
            store.whileHolding(
                NAME,
                () -> {
                  Option<StoredCredential> before = right(store.find(NAME));
                  right(store.save(replacement));
                  return before;
                }));

    assertThat(read.map(StoredCredential::secret)).isEqualTo(Option.some("token-1"));
    assertThat(right(rival.find(NAME))).isEqualTo(Option.some(replacement));
  }

  @Test
  void theWorkMayHoldItsNameAgainWithoutWaitingForItself() throws Exception {
    String nested =
        onAnotherThread(() ->
            right(store.whileHolding(NAME, () -> right(store.whileHolding(NAME, () -> "nested")))));

    assertThat(nested).isEqualTo("nested");
  }

  @Test
  void theLockIsReleasedWhenTheWorkThrows() throws Exception {
    assertThatThrownBy(() ->
            store.whileHolding(
                NAME,
                () -> {
                  throw new IllegalStateException("a bug in the work");
                }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a bug in the work");

    // Another thread: a reentrant lock left held would still let this thread in.
    assertThat(onAnotherThread(() -> right(rival.whileHolding(NAME, () -> "after the bug"))))
        .isEqualTo("after the bug");
  }

  @Test
  void aSecondHolderOfTheNameWaitsUntilTheFirstReleasesIt() throws Exception {
    secondHolderWaitsForTheFirst(store);
  }

  @Test
  void aHolderOnAnotherInstanceWaitsUntilTheFirstReleasesTheName() throws Exception {
    secondHolderWaitsForTheFirst(rival);
  }

  /**
   * The first holder watches, while it holds the name, for the second getting in; the second then
   * gets in and finds the first's work finished.
   */
  private void secondHolderWaitsForTheFirst(CredentialStore second) throws Exception {
    CountDownLatch secondAsks = new CountDownLatch(1);
    CountDownLatch secondIn = new CountDownLatch(1);
    AtomicBoolean firstFinished = new AtomicBoolean();
    Future<Boolean> secondGotInMeanwhile =
        holdingTheName(() -> {
          awaitOrFail(secondAsks);
          boolean overlapped = await(secondIn, WATCH);
          firstFinished.set(true);
          return overlapped;
        });

    Future<Boolean> secondSawTheFirstFinished =
        threads.submit(() -> {
          secondAsks.countDown();
          return right(
              second.whileHolding(
                  NAME,
                  () -> {
                    secondIn.countDown();
                    return firstFinished.get();
                  }));
        });

    assertThat(secondGotInMeanwhile.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("the second holder got in while the first held the name")
        .isFalse();
    assertThat(secondSawTheFirstFinished.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aHolderOfAnotherNameDoesNotWait() throws Exception {
    CountDownLatch otherRan = new CountDownLatch(1);
    Future<String> first =
        holdingTheName(() -> {
          // Released only once the other name's work has run.
          awaitOrFail(otherRan);
          return "first";
        });

    String other =
        onAnotherThread(() ->
            right(
                rival.whileHolding(
                    "other",
                    () -> {
                      otherRan.countDown();
                      return "other";
                    })));

    assertThat(other).isEqualTo("other");
    assertThat(first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("first");
  }

  @Test
  void holdersOnManyThreadsAndInstancesReplaceTheCredentialOneAfterAnother() throws Exception {
    int workers = 4;
    int replacementsEach = 5;
    right(store.save(credential(NAME, "token-0", "0")));
    CountDownLatch start = new CountDownLatch(1);
    var running = new ArrayList<Future<?>>();
    for (int worker = 0; worker < workers; worker++) {
      CredentialStore instance = worker % 2 == 0 ? store : rival;
      running.add(
          threads.submit(() -> {
            awaitOrFail(start);
            for (int replacement = 0; replacement < replacementsEach; replacement++) {
              right(instance.whileHolding(NAME, () -> replaceCounting(instance)));
            }
          }));
    }
    start.countDown();
    for (Future<?> worker : running) {
      worker.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    // A replacement made without the others' in between would have lost one of theirs.
    assertThat(right(store.find(NAME)).map(StoredCredential::label))
        .isEqualTo(Option.some(String.valueOf(workers * replacementsEach)));
  }

  /** Reads the credential and replaces it by one whose label counts one more replacement. */
  private static StoredCredential replaceCounting(CredentialStore instance) {
    StoredCredential read = right(instance.find(NAME)).get();
    int count = Integer.parseInt(read.label()) + 1;
    return right(instance.save(credential(NAME, "token-" + count, String.valueOf(count))));
  }

  /**
   * Holds the name on another thread while the work runs there.
   *
   * @return the work's result, once it has run; given as soon as the name is held
   */
  private <T> Future<T> holdingTheName(Supplier<T> work) {
    CountDownLatch holding = new CountDownLatch(1);
    Future<T> result =
        threads.submit(() ->
            right(
                store.whileHolding(
                    NAME,
                    () -> {
                      holding.countDown();
                      return work.get();
                    })));
    awaitOrFail(holding);
    return result;
  }

  private <T> T onAnotherThread(Callable<T> call) throws Exception {
    return threads.submit(call).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  private static void awaitOrFail(CountDownLatch latch) {
    assertThat(await(latch, PATIENCE)).as("waited %s for another thread", PATIENCE).isTrue();
  }

  private static boolean await(CountDownLatch latch, Duration patience) {
    try {
      return latch.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for another thread", interrupted);
    }
  }
}

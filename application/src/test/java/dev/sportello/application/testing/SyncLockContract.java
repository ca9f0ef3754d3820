package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sportello.application.port.out.SyncLock;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SyncLock} must do; an implementation's test extends this. */
public abstract class SyncLockContract {
  /** Bounds every wait, so that a lock that never answers fails the test instead of hanging. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @SuppressWarnings("NullAway.Init") // set before each test
  private SyncLock lock;

  @SuppressWarnings("NullAway.Init") // set before each test
  private SyncLock rival;

  @SuppressWarnings("NullAway.Init") // set before each test
  private ExecutorService threads;

  /**
   * A new lock, reached the way instances sharing one store reach it: each call of the supplier
   * gives one more instance's handle on the same lock. A lock confined to one process may give the
   * same object each time.
   */
  protected abstract Supplier<SyncLock> newLockSharedByInstances();

  @BeforeEach
  void createLock() {
    Supplier<SyncLock> instances = newLockSharedByInstances();
    lock = instances.get();
    rival = instances.get();
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void theWorkRunsAndItsResultIsReturned() {
    assertThat(right(lock.runExclusively(() -> "the cycle's report")))
        .isEqualTo(Option.some("the cycle's report"));
  }

  @Test
  void whileOneHolderRunsEveryOtherIsTurnedAwayWithoutRunningItsWork() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Option<String>> holder =
        threads.submit(() ->
            right(
                lock.runExclusively(() -> {
                  holding.countDown();
                  awaitOrFail(release);
                  return "the holder's report";
                })));
    awaitOrFail(holding);
    AtomicBoolean othersRan = new AtomicBoolean();

    Option<String> sameInstance =
        onAnotherThread(() -> right(lock.runExclusively(() -> ran(othersRan))));
    Option<String> otherInstance =
        onAnotherThread(() -> right(rival.runExclusively(() -> ran(othersRan))));
    release.countDown();

    assertThat(sameInstance).isEqualTo(Option.none());
    assertThat(otherInstance).isEqualTo(Option.none());
    assertThat(othersRan).isFalse();
    assertThat(holder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(Option.some("the holder's report"));
  }

  @Test
  void onceTheWorkHasFinishedAnotherInstanceGetsTheLock() throws Exception {
    right(lock.runExclusively(() -> "first"));

    assertThat(onAnotherThread(() -> right(rival.runExclusively(() -> "second"))))
        .isEqualTo(Option.some("second"));
  }

  @Test
  void theLockIsReleasedWhenTheWorkThrows() throws Exception {
    assertThatThrownBy(() ->
            lock.runExclusively(() -> {
              throw new IllegalStateException("a bug in the cycle");
            }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a bug in the cycle");

    // Another thread: a reentrant lock left held would still let this thread in.
    assertThat(onAnotherThread(() -> right(rival.runExclusively(() -> "after the bug"))))
        .isEqualTo(Option.some("after the bug"));
  }

  @Test
  void holdersOnManyThreadsAndInstancesNeverOverlap() throws Exception {
    int workers = 4;
    int attemptsEach = 10;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    AtomicInteger ran = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (int worker = 0; worker < workers; worker++) {
      SyncLock handle = worker % 2 == 0 ? lock : rival;
      running.add(
          threads.submit(() -> {
            awaitOrFail(start);
            for (int attempt = 0; attempt < attemptsEach; attempt++) {
              right(
                  handle.runExclusively(() -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    // Stands for the cycle's remote calls, so that overlapping holders would show.
                    LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
                    inside.decrementAndGet();
                    return ran.incrementAndGet();
                  }));
            }
          }));
    }
    start.countDown();
    for (Future<?> worker : running) {
      worker.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    assertThat(ran.get()).isPositive();
    assertThat(mostInside.get()).isEqualTo(1);
  }

  private static String ran(AtomicBoolean ran) {
    ran.set(true);
    return "ran";
  }

  private <T> T onAnotherThread(Callable<T> call) throws Exception {
    return threads.submit(call).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  private static void awaitOrFail(CountDownLatch latch) {
    try {
      assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
          .as("waited %s for another thread", PATIENCE)
          .isTrue();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for another thread", interrupted);
    }
  }
}

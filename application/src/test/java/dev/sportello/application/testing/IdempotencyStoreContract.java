package dev.sportello.application.testing;

import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.IdempotencyStore.Claim;
import dev.sportello.domain.request.RequestId;
import io.vavr.collection.List;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdempotencyStore} must do; an implementation's test extends this. */
public abstract class IdempotencyStoreContract {
  private static final RequestId FIRST = new RequestId("first");
  private static final RequestId SECOND = new RequestId("second");

  private final MutableClock clock = MutableClock.atTestEpoch();
  private IdempotencyStore store;

  /** A new, empty store for each test, dating its claims by the clock. */
  protected abstract IdempotencyStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    store = newStore(clock);
  }

  @Test
  void aClaimDatedBackIsSeenWithItsNewTime() {
    right(store.claim("alice", "k1", "hash-a", FIRST));
    Instant earlier = clock.instant().minusSeconds(10);

    assertThat(right(store.dateBack("alice", "k1", FIRST, earlier))).isTrue();

    assertThat(right(store.claim("alice", "k1", "hash-a", SECOND)))
        .isEqualTo(new Claim.Replay(FIRST, earlier));
  }

  @Test
  void aClaimOfAnotherRequestIsNotDatedBack() {
    right(store.claim("alice", "k1", "hash-a", FIRST));
    Instant claimedAt = clock.instant();

    assertThat(right(store.dateBack("alice", "k1", SECOND, claimedAt.minusSeconds(10)))).isFalse();

    assertThat(right(store.claim("alice", "k1", "hash-a", SECOND)))
        .isEqualTo(new Claim.Replay(FIRST, claimedAt));
  }

  @Test
  void aNewKeyIsClaimedForTheCandidate() {
    assertThat(right(store.claim("alice", "k1", "hash-a", FIRST)))
        .isEqualTo(new Claim.Claimed(FIRST));
  }

  @Test
  void theSameKeyAndBodyReplayTheFirstRequestWithTheTimeOfItsClaim() {
    Instant claimedAt = clock.instant();
    right(store.claim("alice", "k1", "hash-a", FIRST));
    clock.advance(Duration.ofSeconds(7));

    assertThat(right(store.claim("alice", "k1", "hash-a", SECOND)))
        .isEqualTo(new Claim.Replay(FIRST, claimedAt));
  }

  @Test
  void aReplayDoesNotMoveTheTimeOfTheClaim() {
    Instant claimedAt = clock.instant();
    right(store.claim("alice", "k1", "hash-a", FIRST));
    clock.advance(Duration.ofSeconds(7));
    right(store.claim("alice", "k1", "hash-a", SECOND));
    clock.advance(Duration.ofSeconds(7));

    assertThat(right(store.claim("alice", "k1", "hash-a", SECOND)))
        .isEqualTo(new Claim.Replay(FIRST, claimedAt));
  }

  @Test
  void theSameKeyWithAnotherBodyIsAMismatch() {
    right(store.claim("alice", "k1", "hash-a", FIRST));

    assertThat(right(store.claim("alice", "k1", "hash-b", SECOND)))
        .isEqualTo(new Claim.Mismatch(FIRST));
  }

  @Test
  void keysAreScopedToTheCaller() {
    right(store.claim("alice", "k1", "hash-a", FIRST));

    assertThat(right(store.claim("bob", "k1", "hash-a", SECOND)))
        .isEqualTo(new Claim.Claimed(SECOND));
  }

  @Test
  void ofConcurrentClaimsOfOneKeyExactlyOneWins() throws Exception {
    int contenders = 16;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Claim>> claims =
        List.range(0, contenders)
            .map(n ->
                () -> {
                  start.await();
                  return right(store.claim("alice", "race", "hash", new RequestId("c" + n)));
                });
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    try {
      List<Future<Claim>> futures = claims.map(pool::submit);
      start.countDown();
      List<Claim> results = List.ofAll(futures).map(IdempotencyStoreContract::await);

      List<Claim> winners = results.filter(Claim.Claimed.class::isInstance);
      assertThat(winners).hasSize(1);
      RequestId winner = ((Claim.Claimed) winners.head()).id();
      assertThat(results.remove(winners.head()))
          .allMatch(new Claim.Replay(winner, clock.instant())::equals);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Claim await(Future<Claim> future) {
    try {
      return future.get();
    } catch (Exception failed) {
      throw new AssertionError("a claim failed", failed);
    }
  }
}

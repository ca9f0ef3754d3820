package dev.sportello.adapter.persistence;

import static dev.sportello.adapter.persistence.Fixtures.T0;
import static dev.sportello.adapter.persistence.Fixtures.accepted;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.ClaimedDelivery;
import dev.sportello.application.port.out.IdempotencyStore.Claim;
import dev.sportello.application.port.out.SpendingLedger;
import dev.sportello.application.port.out.SpendingLedger.Reservation;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.port.out.Stored;
import dev.sportello.application.port.out.StoredEndpoint;
import dev.sportello.application.testing.SequentialWebhookSecrets;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.Dispatch;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import dev.sportello.domain.shared.Money;
import dev.sportello.domain.spending.CapReached;
import dev.sportello.domain.spending.SpendingCap;
import dev.sportello.domain.spending.SpendingPeriod;
import dev.sportello.domain.webhook.WebhookEndpoint;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances on one database, each with its own connection pool, writing at the same
 * time: optimistic writes, the sync leader lock, idempotency keys and spending caps hold.
 */
abstract class ConcurrencyTest {
  private static final SequentialWebhookSecrets SECRETS = new SequentialWebhookSecrets();
  @TempDir Path directory;

  private final OpenAdapters adapters = new OpenAdapters();
  private PersistenceAdapter first;
  private PersistenceAdapter second;
  private ExecutorService threads;

  /** Settings for a new, empty database. */
  abstract PersistenceSettings newDatabase(Path directory);

  @BeforeEach
  void openTwoInstances() {
    PersistenceSettings settings = newDatabase(directory);
    first = adapters.opened(settings);
    second = adapters.opened(settings);
    threads = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    adapters.close();
  }

  @Test
  void ofTwoWritersOfOneVersionOneWinsAndTheOtherMeetsAStaleWrite() throws Exception {
    for (int round = 0; round < 20; round++) {
      CertificateRequest drafted =
          accepted("race-" + round).recordDraft(Fixtures.upstream(round), T0).get();
      right(first.requests().insert(drafted));
      CertificateRequest attempted = drafted.recordCloseAttempt(T0.plusSeconds(1)).get();
      CertificateRequest cancelled = drafted.cancel("withdrawn", T0.plusSeconds(1)).get();

      List<Either<StorageFailure, Stored<CertificateRequest>>> results =
          together(
              List.of(
                  () -> first.requests().update(attempted, 0),
                  () -> second.requests().update(cancelled, 0)));

      List<Stored<CertificateRequest>> written =
          results.stream().filter(Either::isRight).map(Either::get).toList();
      assertThat(written).as("round %d", round).hasSize(1);
      assertThat(results.stream().filter(Either::isLeft).map(Either::getLeft))
          .singleElement()
          .isInstanceOf(StorageFailure.StaleWrite.class);
      assertThat(right(first.requests().find(drafted.id()))).contains(written.get(0));
    }
  }

  @Test
  void writersThatRereadAfterAConflictLoseNoChange() throws Exception {
    CertificateRequest drafted = accepted("counted").recordDraft(Fixtures.upstream(1), T0).get();
    right(first.requests().insert(drafted));
    int writers = 6;
    int attemptsEach = 15;
    int total = writers * attemptsEach;

    onBothInstances(
        writers,
        (instance, writer) -> {
          for (int done = 0; done < attemptsEach; ) {
            Stored<CertificateRequest> read = right(instance.requests().find(drafted.id())).get();
            CertificateRequest next = read.value().recordCloseAttempt(T0.plusSeconds(1)).get();
            Either<StorageFailure, Stored<CertificateRequest>> written =
                instance.requests().update(next, read.version());
            if (written.isRight()) {
              done++;
            } else {
              assertThat(written.getLeft()).isInstanceOf(StorageFailure.StaleWrite.class);
            }
          }
        });

    Stored<CertificateRequest> last = right(first.requests().find(drafted.id())).get();
    assertThat(last.version()).isEqualTo(total);
    assertThat(((Dispatch.Drafted) last.value().dispatch()).closeAttempts()).isEqualTo(total);
  }

  @Test
  void twoInstancesSyncingTogetherNeverClaimARequestTwice() throws Exception {
    int requests = 60;
    for (int n = 0; n < requests; n++) {
      right(first.requests().insert(accepted("todo-" + n, "caller-a", T0.plusSeconds(n))));
    }
    Map<RequestId, Integer> claims = new ConcurrentHashMap<>();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    AtomicInteger upstream = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();

    // Two sync schedulers per instance, each looping until nothing awaits dispatch.
    onBothInstances(
        4,
        (instance, scheduler) -> {
          while (!right(instance.requests().awaitingDispatch(1)).isEmpty()) {
            right(
                instance
                    .syncLock()
                    .runExclusively(() -> {
                      mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                      for (CertificateRequest request :
                          right(instance.requests().awaitingDispatch(7))) {
                        claims.merge(request.id(), 1, Integer::sum);
                        Stored<CertificateRequest> read =
                            right(instance.requests().find(request.id())).get();
                        CertificateRequest closed =
                            Fixtures.closedAs(
                                read.value(),
                                upstream.incrementAndGet(),
                                RequestStatus.PROCESSING,
                                T0.plusSeconds(600));
                        if (instance.requests().update(closed, read.version()).isLeft()) {
                          conflicts.incrementAndGet();
                        }
                        pause();
                      }
                      return inside.decrementAndGet();
                    }));
          }
        });

    assertThat(mostInside.get()).isEqualTo(1);
    assertThat(claims).hasSize(requests);
    assertThat(claims.values()).allMatch(count -> count == 1);
    assertThat(conflicts.get()).isZero();
  }

  @Test
  void concurrentSubmissionsUnderTheSameKeysBindEachKeyToOneRequest() throws Exception {
    int keys = 40;
    int submitters = 8;
    Map<String, List<Claim>> byKey = new ConcurrentHashMap<>();

    onBothInstances(
        submitters,
        (instance, submitter) -> {
          for (int k = 0; k < keys; k++) {
            // Odd submitters send another body under the same keys.
            Claim claim =
                right(
                    instance
                        .idempotency()
                        .claim(
                            "caller-a",
                            "key-" + k,
                            "body-" + submitter % 2,
                            new RequestId("s" + submitter + "-k" + k)));
            byKey
                .computeIfAbsent("key-" + k, key -> Collections.synchronizedList(new ArrayList<>()))
                .add(claim);
          }
        });

    assertThat(byKey).hasSize(keys);
    byKey.forEach((key, claims) -> {
      List<Claim> winners = claims.stream().filter(Claim.Claimed.class::isInstance).toList();
      assertThat(winners).as(key).hasSize(1);
      RequestId winner = ((Claim.Claimed) winners.get(0)).id();
      long replays =
          claims.stream()
              .filter(claim -> claim instanceof Claim.Replay replay && replay.id().equals(winner))
              .count();
      long mismatches = claims.stream().filter(new Claim.Mismatch(winner)::equals).count();
      // The winner's body came from half the submitters: the rest of that half replay it.
      assertThat(replays).as(key).isEqualTo(submitters / 2 - 1);
      assertThat(mismatches).as(key).isEqualTo(submitters / 2);
    });
  }

  @Test
  void concurrentReservationsOfOneCallerOnTwoInstancesNeverGoOverItsCap() throws Exception {
    SpendingCap cap = new SpendingCap(SpendingPeriod.DAY, Money.ofCents(5000));
    Money amount = Money.ofCents(1220);
    int orders = 32;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService everyOrderAtOnce = Executors.newFixedThreadPool(orders);
    try {
      List<Future<Either<CapReached, Reservation>>> futures = new ArrayList<>();
      for (int n = 0; n < orders; n++) {
        PersistenceAdapter instance = n % 2 == 0 ? first : second;
        Reservation order =
            new Reservation(
                "caller-a", SpendingLedger.Charge.order(new RequestId("spend-" + n)), amount, T0);
        futures.add(
            everyOrderAtOnce.submit(() -> {
              start.await();
              return right(instance.spending().reserve(order, io.vavr.collection.List.of(cap)));
            }));
      }
      start.countDown();
      List<Either<CapReached, Reservation>> results =
          futures.stream().map(ConcurrencyTest::await).toList();

      // floor(50.00 / 12.20) = 4 orders fit under the cap.
      assertThat(results.stream().filter(Either::isRight)).hasSize(4);
      assertThat(right(second.spending().spent("caller-a", SpendingPeriod.DAY.window(T0))))
          .isEqualTo(Money.ofCents(4880));
    } finally {
      everyOrderAtOnce.shutdownNow();
    }
  }

  /** Work of one of several workers, on the instance it was given. */
  @FunctionalInterface
  private interface Worker {
    void work(PersistenceAdapter instance, int worker) throws Exception;
  }

  /** Starts the workers at once, half of them on each instance, and waits for them all. */
  @Test
  void instancesClaimingWebhookDeliveriesAtOnceNeverClaimOneTwice() throws Exception {
    right(
        first
            .webhooks()
            .saveEndpoint(
                new StoredEndpoint(
                    new WebhookEndpoint("alice", "https://hooks.example/in", T0, T0),
                    SECRETS.next(),
                    Option.none())));
    int queued = 40;
    for (int i = 0; i < queued; i++) {
      right(first.requests().insert(accepted("hooked-" + i, "alice", T0)));
    }
    Instant now = T0.plusSeconds(60);

    List<io.vavr.collection.List<ClaimedDelivery>> claims =
        together(
            java.util.stream.IntStream.range(0, 8)
                .mapToObj(worker ->
                    (Callable<io.vavr.collection.List<ClaimedDelivery>>)
                        () ->
                            right(
                                (worker % 2 == 0 ? first : second)
                                    .webhooks()
                                    .claimDue(now, Duration.ofMinutes(5), 10)))
                .toList());

    List<String> claimed =
        claims.stream()
            .flatMap(io.vavr.collection.List::toJavaStream)
            .map(claim -> claim.delivery().id())
            .toList();
    List<String> left =
        right(second.webhooks().claimDue(now, Duration.ofMinutes(5), queued))
            .map(claim -> claim.delivery().id())
            .toJavaList();
    assertThat(claimed).doesNotHaveDuplicates();
    assertThat(claimed.size() + left.size()).isEqualTo(queued);
    assertThat(left).doesNotContainAnyElementsOf(claimed);
  }

  private void onBothInstances(int workers, Worker work) throws InterruptedException {
    together(
        java.util.stream.IntStream.range(0, workers)
            .mapToObj(worker ->
                (Callable<Integer>)
                    () -> {
                      work.work(worker % 2 == 0 ? first : second, worker);
                      return worker;
                    })
            .toList());
  }

  /** Runs the calls at once, each on its own thread, and gives their results in order. */
  private <T> List<T> together(List<Callable<T>> calls) throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures =
        calls.stream()
            .map(call ->
                threads.submit(() -> {
                  start.await();
                  return call.call();
                }))
            .toList();
    start.countDown();
    return futures.stream().map(ConcurrencyTest::await).toList();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (Exception failed) {
      throw new AssertionError("a concurrent call failed", failed);
    }
  }

  /** Stands for the remote calls a sync cycle makes, so that overlapping cycles would show. */
  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

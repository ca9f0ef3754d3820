package dev.sportello.application.service;

import static dev.sportello.application.testing.TestData.left;
import static dev.sportello.application.testing.TestData.right;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.in.SubmitRequestCommand;
import dev.sportello.application.port.in.UseCaseError;
import dev.sportello.application.port.out.IdempotencyStore;
import dev.sportello.application.port.out.IdempotencyStore.Claim;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.StorageFailure;
import dev.sportello.application.testing.TestApplication;
import dev.sportello.application.testing.TestData;
import dev.sportello.domain.catalog.Certificate;
import dev.sportello.domain.request.CertificateRequest;
import dev.sportello.domain.request.RequestId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Repeats of one submission under one idempotency key, while the first is still being created or
 * after it died: one request, one charge, and never the answer meant for a different body.
 */
class IdempotentSubmissionTest {
  private static final Certificate CERTIFICATE = TestData.certificate();
  private static final int CALLERS = 20;

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static SubmitRequestCommand command(String value) {
    return TestData.order(CERTIFICATE, "alice", "key-1", value);
  }

  private static Either<UseCaseError, CertificateRequest> submit(TestApplication app) {
    return app.useCases().submitRequest().submit(command("Mario Rossi"));
  }

  private static TestApplication started(TestApplication.Builder builder) {
    TestApplication app = builder.build();
    app.visengine().register(CERTIFICATE);
    return app;
  }

  /** Holds the first insert of a request until released, to stand for a slow first attempt. */
  private static InterceptedRepository holdingFirstInsert(
      dev.sportello.application.port.out.RequestRepository real, CountDownLatch release) {
    AtomicBoolean first = new AtomicBoolean(true);
    return new InterceptedRepository(
        real,
        request -> {
          if (first.getAndSet(false)) {
            await(release);
          }
          return Option.none();
        },
        (request, version) -> Option.none());
  }

  /** Counts down a latch for each claim of the given kind. */
  private static IdempotencyStore signalling(
      IdempotencyStore real, Class<? extends IdempotencyStore.Claim> kind, CountDownLatch latch) {
    return new IdempotencyStore() {
      @Override
      public Either<StorageFailure, Claim> claim(
          String caller, String key, String hash, RequestId candidate) {
        return real.claim(caller, key, hash, candidate)
            .peek(claim -> {
              if (kind.isInstance(claim)) {
                latch.countDown();
              }
            });
      }

      @Override
      public Either<StorageFailure, Boolean> dateBack(
          String caller, String key, RequestId id, Instant claimedAt) {
        return real.dateBack(caller, key, id, claimedAt);
      }
    };
  }

  private <T> CompletableFuture<T> inBackground(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, pool);
  }

  @Test
  void identicalConcurrentSubmissionsAllGetTheOneRequestAndOneCharge() {
    CountDownLatch repeatsArrived = new CountDownLatch(CALLERS - 1);
    TestApplication app =
        started(
            TestApplication.builder()
                .replayWait(Duration.ofSeconds(20))
                .wrapIdempotency(
                    real -> signalling(real, IdempotencyStore.Claim.Replay.class, repeatsArrived))
                .wrapRepository(real -> holdingFirstInsert(real, repeatsArrived)));

    List<CompletableFuture<Either<UseCaseError, CertificateRequest>>> calls =
        List.range(0, CALLERS).map(n -> inBackground(() -> submit(app)));
    List<Either<UseCaseError, CertificateRequest>> answers = calls.map(CompletableFuture::join);

    assertThat(answers).allMatch(Either::isRight);
    assertThat(answers.map(answer -> answer.get().id()).distinct()).hasSize(1);
    assertThat(app.repository().size()).isEqualTo(1);
    assertThat(app.useCases().remoteCalls().get(RemoteCallKind.DRAFT)).contains(1L);
    assertThat(app.visengine().totalCharges()).isEqualTo(1);
  }

  /**
   * An application whose first submission runs in the background, held after it claimed the key and
   * before it stored its request, until {@code release} opens.
   */
  private record HeldFirst(
      TestApplication app, CompletableFuture<Either<UseCaseError, CertificateRequest>> first) {}

  private HeldFirst firstAttemptHeldAfterItsClaim(Duration replayWait, CountDownLatch release) {
    CountDownLatch claimed = new CountDownLatch(1);
    TestApplication app =
        started(
            TestApplication.builder()
                .replayWait(replayWait)
                .wrapIdempotency(
                    real -> signalling(real, IdempotencyStore.Claim.Claimed.class, claimed))
                .wrapRepository(real -> holdingFirstInsert(real, release)));
    CompletableFuture<Either<UseCaseError, CertificateRequest>> first =
        inBackground(() -> submit(app));
    await(claimed);
    return new HeldFirst(app, first);
  }

  @Test
  void aRepeatThatOutwaitsTheFirstAttemptIsToldItIsStillBeingCreatedAndThenGetsIt() {
    CountDownLatch release = new CountDownLatch(1);
    HeldFirst held = firstAttemptHeldAfterItsClaim(Duration.ofMillis(50), release);

    Either<UseCaseError, CertificateRequest> repeat = submit(held.app());
    release.countDown();
    CertificateRequest created = right(held.first().join());

    assertThat(left(repeat)).isEqualTo(new UseCaseError.StillBeingCreated(Duration.ofMillis(50)));
    assertThat(right(submit(held.app())).id()).isEqualTo(created.id());
    assertThat(held.app().visengine().totalCharges()).isEqualTo(1);
  }

  @Test
  void anotherBodyUnderAKeyStillBeingCreatedIsRefusedAsAReusedKeyWithoutWaiting() {
    CountDownLatch release = new CountDownLatch(1);
    HeldFirst held = firstAttemptHeldAfterItsClaim(Duration.ofMinutes(5), release);

    Either<UseCaseError, CertificateRequest> other =
        held.app().useCases().submitRequest().submit(command("Luigi Verdi"));
    release.countDown();
    CertificateRequest first = held.first().join().get();

    assertThat(left(other)).isEqualTo(new UseCaseError.KeyReusedWithAnotherBody(first.id()));
  }

  @Test
  void aKeyWhoseAttemptDiedBeforeStoringItsRequestIsTakenOverAfterTheReplayWait() {
    AtomicBoolean crashed = new AtomicBoolean();
    TestApplication app =
        started(
            TestApplication.builder()
                .replayWait(Duration.ofMillis(50))
                .wrapRepository(real ->
                    new InterceptedRepository(
                        real,
                        request ->
                            crashed.getAndSet(true)
                                ? Option.none()
                                : Option.some(
                                    Either.left(new StorageFailure.Unavailable("crashed"))),
                        (request, version) -> Option.none())));
    assertThat(left(submit(app))).isInstanceOf(UseCaseError.StorageUnavailable.class);

    assertThat(left(submit(app))).isInstanceOf(UseCaseError.StillBeingCreated.class);
    app.clock().advance(Duration.ofMillis(50));
    CertificateRequest taken = right(submit(app));

    assertThat(app.repository().size()).isEqualTo(1);
    assertThat(app.visengine().totalCharges()).isEqualTo(1);
    assertThat(right(submit(app)).id()).isEqualTo(taken.id());
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the test's other callers never arrived");
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new AssertionError(interrupted);
    }
  }
}

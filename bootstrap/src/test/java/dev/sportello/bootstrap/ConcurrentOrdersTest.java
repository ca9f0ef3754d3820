package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.List;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identical orders under one idempotency key, sent all at once to the whole service: the real store
 * settles who orders, the embedded sandbox counts what was charged.
 */
class ConcurrentOrdersTest {
  private static final int CALLERS = 20;

  @TempDir static Path dataDir;

  private static Harness app;

  @BeforeAll
  static void start() {
    app = Harness.start(Harness.environment(dataDir, Map.of()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Five rounds, each under a new key: the race it guards against was lost in most rounds. */
  @RepeatedTest(5)
  void twentyIdenticalConcurrentOrdersAllGetTheOneRequestAndOneCharge(RepetitionInfo round)
      throws InterruptedException {
    BigDecimal balanceBefore = app.sandbox().balance();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    List<Harness.Answer> answers;
    try {
      List<CompletableFuture<Harness.Answer>> calls =
          List.range(0, CALLERS)
              .map(n ->
                  CompletableFuture.supplyAsync(
                      () -> {
                        awaitQuietly(go);
                        return app.submit(
                            "all-at-once-" + round.getCurrentRepetition(),
                            Harness.RESIDENCE,
                            Harness.residence());
                      },
                      pool));
      go.countDown();
      answers = calls.map(CompletableFuture::join);
    } finally {
      pool.shutdownNow();
    }

    assertThat(answers.map(Harness.Answer::status)).containsOnly(202);
    List<String> ids = answers.map(answer -> answer.body().path("id").asString()).distinct();
    assertThat(ids).hasSize(1);
    // The first sync cycle may dispatch the request while its submission does: whichever claims
    // the close sends it, possibly after every answer is out.
    awaitClosedUpstream(ids.head());
    var charges = app.charges(ids.head(), app.sandbox());
    assertThat(charges.calls()).isEqualTo(1);
    assertThat(balanceBefore.subtract(app.sandbox().balance()))
        .isEqualByComparingTo(charges.amount());
  }

  private static void awaitClosedUpstream(String id) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(10);
    while (app.stored(id).awaitsDispatch() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(app.stored(id).awaitsDispatch()).as("closed upstream").isFalse();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

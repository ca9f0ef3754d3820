package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.RequestQuery;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GracefulStopTest {
  private final CountDownLatch reading = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private Harness api = new Harness();

  @AfterEach
  void stop() {
    release.countDown();
    api.close();
  }

  /** Reading a request waits for {@link #release} (at most ten seconds), keeping it in flight. */
  private CompletableFuture<Harness.Reply> slowRead() throws InterruptedException {
    when(api.get.get(new RequestQuery("alice", "req-2")))
        .thenAnswer(call -> {
          reading.countDown();
          release.await(10, TimeUnit.SECONDS);
          return Either.right(Fixtures.busyRequest("req-2", "alice"));
        });
    CompletableFuture<Harness.Reply> reply =
        CompletableFuture.supplyAsync(() -> api.get("/api/v1/requests/req-2"));
    assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
    return reply;
  }

  @Test
  void aRequestInFlightWhenStoppingStillCompletes() throws Exception {
    CompletableFuture<Harness.Reply> reply = slowRead();
    CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(release::countDown);

    api.adapter.stop();

    assertThat(reply.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void stoppingWaitsNoLongerThanTheStopTimeout() throws Exception {
    api.close();
    api = new Harness(settings -> settings.withStopTimeout(Duration.ofMillis(300)));
    var unanswered = slowRead();
    long started = System.nanoTime();

    api.adapter.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(unanswered).failsWithin(Duration.ofSeconds(5));
  }
}

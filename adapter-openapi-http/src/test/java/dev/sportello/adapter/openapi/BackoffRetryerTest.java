package dev.sportello.adapter.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.RequestTemplate;
import feign.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class BackoffRetryerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

  private final List<Long> waits = new ArrayList<>();

  private BackoffRetryer retryer(int attempts, long initialMillis, long capMillis) {
    return new BackoffRetryer(
        new RetryPolicy(attempts, Duration.ofMillis(initialMillis), Duration.ofMillis(capMillis)),
        CLOCK,
        waits::add);
  }

  private static RetryableException failed(@Nullable Long retryAfterEpochMillis) {
    Request request =
        Request.create(
            Request.HttpMethod.GET,
            "http://upstream.example/requests",
            Map.of(),
            new byte[0],
            StandardCharsets.UTF_8,
            new RequestTemplate());
    return new RetryableException(
        503, "unavailable", Request.HttpMethod.GET, retryAfterEpochMillis, request);
  }

  @Test
  void theWaitDoublesFromTheInitialBackoffUpToTheCap() {
    BackoffRetryer retryer = retryer(5, 100, 300);

    for (int repeat = 0; repeat < 4; repeat++) {
      retryer.continueOrPropagate(failed(null));
    }

    assertThat(waits).containsExactly(100L, 200L, 300L, 300L);
  }

  @Test
  void theLastAttemptsFailureIsThrown() {
    BackoffRetryer retryer = retryer(2, 100, 300);
    RetryableException last = failed(null);

    retryer.continueOrPropagate(failed(null));

    assertThatThrownBy(() -> retryer.continueOrPropagate(last)).isSameAs(last);
    assertThat(waits).containsExactly(100L);
  }

  @Test
  void aRetryAfterLongerThanTheBackoffIsWaitedFor() {
    retryer(3, 100, 5_000).continueOrPropagate(failed(CLOCK.millis() + 2_000));

    assertThat(waits).containsExactly(2_000L);
  }

  @Test
  void aRetryAfterBeyondTheCapEndsTheRetries() {
    RetryableException throttled = failed(CLOCK.millis() + 10_000);

    assertThatThrownBy(() -> retryer(3, 100, 5_000).continueOrPropagate(throttled))
        .isSameAs(throttled);
    assertThat(waits).isEmpty();
  }

  @Test
  void eachCallCountsItsAttemptsAfresh() {
    BackoffRetryer retryer = retryer(2, 100, 300);
    retryer.continueOrPropagate(failed(null));

    retryer.clone().continueOrPropagate(failed(null));

    assertThat(waits).containsExactly(100L, 100L);
  }
}

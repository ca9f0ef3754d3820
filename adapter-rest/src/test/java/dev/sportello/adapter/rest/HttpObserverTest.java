package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dev.sportello.application.port.in.RequestQuery;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpObserverTest {
  private record Answered(String method, String route, int status, Duration duration) {}

  private final BlockingQueue<Answered> answered = new LinkedBlockingQueue<>();
  private final Harness api =
      new Harness(settings ->
          settings.withHttpObserver((method, route, status, duration) ->
              answered.add(new Answered(method, route, status, duration))));

  @AfterEach
  void stop() {
    api.close();
  }

  /** The observer may hear of a request just after its client has the answer. */
  private @Nullable Answered next() throws InterruptedException {
    return answered.poll(5, TimeUnit.SECONDS);
  }

  @Test
  void aRequestIsReportedByItsRouteNeverItsAddress() throws InterruptedException {
    when(api.get.get(new RequestQuery("alice", "req-2")))
        .thenReturn(Either.right(Fixtures.busyRequest("req-2", "alice")));

    api.get("/api/v1/requests/req-2");

    Answered seen = next();
    assertThat(seen).isNotNull();
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.route()).isEqualTo("/api/v1/requests/{id}");
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.duration()).isPositive();
  }

  @Test
  void anAddressThatMatchesNoRouteIsReportedAsUnmatched() throws InterruptedException {
    api.get("/api/v1/nowhere/req-2");

    Answered seen = next();
    assertThat(seen).isNotNull();
    assertThat(seen.route()).isEqualTo(RestSettings.UNMATCHED);
    assertThat(seen.status()).isEqualTo(404);
  }
}

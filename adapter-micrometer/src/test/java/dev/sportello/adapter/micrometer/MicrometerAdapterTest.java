package dev.sportello.adapter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sportello.application.port.out.BackgroundFailure;
import dev.sportello.application.port.out.BackgroundFailure.Cause;
import dev.sportello.application.port.out.BackgroundFailure.Work;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.Engine;
import dev.sportello.domain.request.RequestId;
import dev.sportello.domain.request.RequestStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MicrometerAdapterTest {
  private static final Engine VISENGINE = new Engine("visengine");
  private static final RequestId REQUEST = new RequestId("req_1");
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerAdapter adapter =
      MicrometerAdapter.create(MicrometerSettings.of(registry));

  private final Logger logger = (Logger) LoggerFactory.getLogger(MicrometerAdapter.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
    registry.close();
  }

  @Test
  void aSuccessfulUpstreamCallIsTimedByEngineKindAndOutcomeOk() {
    adapter.called(VISENGINE, RemoteCallKind.DRAFT, Option.none(), Duration.ofMillis(120));

    var timer =
        registry
            .get("sportello.upstream.calls")
            .tags("engine", "visengine", "kind", "draft", "outcome", "ok")
            .timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
  }

  @Test
  void aFailedUpstreamCallIsTaggedWithItsFailureInSnakeCase() {
    adapter.called(
        VISENGINE,
        RemoteCallKind.CLOSE,
        Option.some(new RemoteFailure.InsufficientCredit("wallet empty")),
        Duration.ofMillis(5));

    assertThat(
            registry
                .get("sportello.upstream.calls")
                .tags("kind", "close", "outcome", "insufficient_credit")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void aStatusChangeIsCountedByTheStatusReached() {
    adapter.statusChanged(REQUEST, RequestStatus.PROCESSING, RequestStatus.FULFILLED, AT);
    adapter.statusChanged(
        new RequestId("req_2"), RequestStatus.DATA_AVAILABLE, RequestStatus.FULFILLED, AT);

    assertThat(
            registry
                .get("sportello.requests.status.changes")
                .tags("status", "FULFILLED")
                .counter()
                .count())
        .isEqualTo(2.0);
  }

  @Test
  void aRefusedTransitionIsCountedByBothStatusesAndWarnedOfWithTheRequestId() {
    adapter.transitionRefused(REQUEST, RequestStatus.FULFILLED, RequestStatus.PROCESSING, AT);

    assertThat(
            registry
                .get("sportello.requests.status.refused")
                .tags("from", "FULFILLED", "to", "PROCESSING")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(warnings())
        .containsExactly(
            "request req_1: upstream reported a move from FULFILLED to PROCESSING, which was not"
                + " applied");
  }

  @Test
  void aBackgroundFailureIsCountedByWorkAndCauseAndWarnedOf() {
    adapter.backgroundFailed(
        new BackgroundFailure(Work.DOCUMENT, Option.some(REQUEST), Cause.UPSTREAM, "timed out"));
    adapter.backgroundFailed(
        new BackgroundFailure(Work.LIST, Option.none(), Cause.UPSTREAM, "connection refused"));

    assertThat(
            registry
                .get("sportello.background.failures")
                .tags("work", "document", "cause", "upstream")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(warnings())
        .containsExactly(
            "document failed for request req_1 (upstream): timed out; the next sync cycle tries"
                + " again",
            "list failed (upstream): connection refused; the next sync cycle tries again");
  }

  @Test
  void anAnsweredHttpRequestIsTimedByMethodRouteStatusAndOutcomeAsSpringBootTagsIt() {
    adapter.answered("POST", "/api/v1/requests", 201, Duration.ofMillis(30));
    adapter.answered("GET", "/api/v1/requests/{id}", 404, Duration.ofMillis(2));

    assertThat(
            registry
                .get("http.server.requests")
                .tags(
                    "method",
                    "POST",
                    "uri",
                    "/api/v1/requests",
                    "status",
                    "201",
                    "outcome",
                    "SUCCESS")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("http.server.requests")
                .tags("uri", "/api/v1/requests/{id}", "status", "404", "outcome", "CLIENT_ERROR")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void methodsOutsideTheStandardOnesShareOneLabel() {
    adapter.answered("FROBNICATE", "/api/v1/requests", 405, Duration.ofMillis(1));
    adapter.answered("PROPFIND", "/api/v1/requests", 405, Duration.ofMillis(1));

    assertThat(registry.get("http.server.requests").timers())
        .singleElement()
        .satisfies(timer -> {
          assertThat(timer.getId().getTag("method")).isEqualTo("OTHER");
          assertThat(timer.count()).isEqualTo(2);
        });
  }

  private List<String> warnings() {
    return logs.list.stream()
        .filter(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}

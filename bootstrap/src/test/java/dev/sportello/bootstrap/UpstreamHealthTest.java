package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.Engine;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpstreamHealthTest {
  private static final Engine VISENGINE = new Engine("visengine");
  private static final Engine DOCUENGINE = new Engine("docuengine");

  private final UpstreamHealth health = new UpstreamHealth(List.of(VISENGINE, DOCUENGINE));

  private void called(Engine engine, Option<RemoteFailure> failure) {
    health.called(engine, RemoteCallKind.LIST, failure, Duration.ofMillis(5));
  }

  @Test
  void bothEnginesCountAsReachableBeforeAnyCall() {
    assertThat(health.healthy()).isTrue();
  }

  @Test
  void anUnreachableEngineKeepsTheUpstreamDownUntilItsOwnNextCallGetsThrough() {
    called(DOCUENGINE, Option.some(new RemoteFailure.Unavailable("connection refused")));
    boolean whileDocuEngineIsDown = health.healthy();
    called(VISENGINE, Option.none());
    boolean afterVisengineAnswers = health.healthy();
    called(DOCUENGINE, Option.none());

    assertThat(whileDocuEngineIsDown).isFalse();
    assertThat(afterVisengineAnswers).isFalse();
    assertThat(health.healthy()).isTrue();
  }

  @Test
  void aRefusedTokenCountsAsUnreachable() {
    called(
        VISENGINE,
        Option.some(
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.UNAUTHENTICATED, "token expired")));

    assertThat(health.healthy()).isFalse();
  }

  @Test
  void aRefusalOfTheRequestItselfSaysTheEngineAnswers() {
    called(DOCUENGINE, Option.some(new RemoteFailure.NotFound("no such request")));

    assertThat(health.healthy()).isTrue();
  }
}

package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sportello.application.port.out.RemoteCallKind;
import dev.sportello.application.port.out.RemoteFailure;
import dev.sportello.domain.catalog.Engine;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UpstreamHealthTest {
  private static final Engine VISENGINE = new Engine("visengine");
  private static final Engine DOCUENGINE = new Engine("docuengine");
  private static final RemoteFailure REFUSED_CONNECTION =
      new RemoteFailure.Unavailable("connection refused by https://host/visure?token=secret");

  private final Logger logger = (Logger) LoggerFactory.getLogger(UpstreamHealth.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final HandClock clock = new HandClock(Instant.parse("2026-12-06T10:00:00Z"));
  private final UpstreamHealth health = new UpstreamHealth(List.of(VISENGINE, DOCUENGINE), clock);

  UpstreamHealthTest() {
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.INFO);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(logs);
    logger.setLevel(null);
  }

  private void called(Engine engine, Option<RemoteFailure> failure) {
    called(engine, RemoteCallKind.LIST, failure);
  }

  private void called(Engine engine, RemoteCallKind kind, Option<RemoteFailure> failure) {
    health.called(engine, kind, failure, Duration.ofMillis(5));
  }

  private List<String> warnings() {
    return List.ofAll(logs.list)
        .filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage);
  }

  @Test
  void anEngineNotHeardFromYetKeepsTheUpstreamDownAndIsDueForAProbe() {
    called(VISENGINE, Option.none());

    assertThat(health.healthy()).isFalse();
    assertThat(health.notWorking()).containsExactly(DOCUENGINE);
    assertThat(health.details()).isEqualTo(HashMap.of("docuengine", "not answered yet"));
  }

  @Test
  void anUnreachableEngineKeepsTheUpstreamDownUntilItsOwnNextCallGetsThrough() {
    called(DOCUENGINE, Option.some(REFUSED_CONNECTION));
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
    called(DOCUENGINE, Option.none());
    called(
        VISENGINE,
        Option.some(
            new RemoteFailure.AccessDenied(RemoteFailure.Denial.UNAUTHENTICATED, "token expired")));

    assertThat(health.healthy()).isFalse();
    assertThat(health.details())
        .isEqualTo(HashMap.of("visengine", "down (list call: our token is refused)"));
  }

  @Test
  void aRefusalOfTheRequestItselfSaysTheEngineAnswers() {
    called(VISENGINE, Option.none());
    called(DOCUENGINE, Option.some(new RemoteFailure.NotFound("no such request")));

    assertThat(health.healthy()).isTrue();
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aCatalogueThatCannotBeListedCountsAsNotWorkingWhateverTheFailure() {
    called(DOCUENGINE, Option.none());
    called(VISENGINE, RemoteCallKind.CATALOGUE, Option.some(new RemoteFailure.Malformed("html")));

    assertThat(health.healthy()).isFalse();
    assertThat(health.details())
        .isEqualTo(HashMap.of("visengine", "down (catalogue call: an answer that cannot be read)"));
  }

  @Test
  void aFailedCallIsLoggedNamingTheEngineTheCallAndTheFailureButNotItsMessage() {
    called(VISENGINE, RemoteCallKind.CATALOGUE, Option.some(REFUSED_CONNECTION));

    assertThat(warnings())
        .containsExactly(
            "a catalogue call to the visengine engine failed: unreachable or unavailable; the"
                + " upstream is reported down until a call gets through");
    assertThat(warnings().mkString()).doesNotContain("host").doesNotContain("secret");
  }

  @Test
  void anOutageIsLoggedOnceAMinuteWithHowManyCallsFailedMeanwhile() {
    called(VISENGINE, Option.some(REFUSED_CONNECTION));
    for (int i = 0; i < 50; i++) {
      clock.advance(Duration.ofSeconds(1));
      called(VISENGINE, Option.some(REFUSED_CONNECTION));
    }
    clock.advance(Duration.ofSeconds(10));
    called(VISENGINE, Option.some(REFUSED_CONNECTION));

    assertThat(warnings())
        .containsExactly(
            "a list call to the visengine engine failed: unreachable or unavailable; the upstream"
                + " is reported down until a call gets through",
            "a list call to the visengine engine failed: unreachable or unavailable; the upstream"
                + " is reported down until a call gets through (and 50 more failed calls to it"
                + " since the last warning)");
  }

  @Test
  void anEngineThatAnswersAgainIsLoggedOnce() {
    called(VISENGINE, Option.some(REFUSED_CONNECTION));
    called(VISENGINE, Option.none());
    called(VISENGINE, Option.none());

    assertThat(
            List.ofAll(logs.list)
                .filter(event -> event.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage))
        .containsExactly("the visengine engine answers again");
  }

  @Test
  void aCallThatGotNoAnswerLeavesADownEngineDown() {
    called(DOCUENGINE, Option.none());
    called(VISENGINE, RemoteCallKind.CATALOGUE, Option.some(REFUSED_CONNECTION));
    called(
        VISENGINE, RemoteCallKind.CLOSE, Option.some(new RemoteFailure.OutcomeUnknown("timeout")));
    called(VISENGINE, RemoteCallKind.CLOSE, Option.some(new RemoteFailure.Malformed("html")));

    assertThat(health.healthy()).isFalse();
    assertThat(health.notWorking()).containsExactly(VISENGINE);
  }

  @Test
  void aCallThatGotNoAnswerLeavesAWorkingEngineWorking() {
    called(DOCUENGINE, Option.none());
    called(VISENGINE, Option.none());
    called(
        VISENGINE, RemoteCallKind.CLOSE, Option.some(new RemoteFailure.OutcomeUnknown("timeout")));

    assertThat(health.healthy()).isTrue();
  }

  @Test
  void anEngineFailingEveryOtherCallLogsAWarningAndARecoveryAMinuteAtMost() {
    for (int second = 0; second < 60; second++) {
      called(VISENGINE, second % 2 == 0 ? Option.some(REFUSED_CONNECTION) : Option.none());
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(logs.list).hasSize(2);
    assertThat(warnings()).hasSize(1);
  }
}

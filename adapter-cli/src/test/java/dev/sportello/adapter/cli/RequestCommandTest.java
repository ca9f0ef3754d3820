package dev.sportello.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.domain.request.RequestStatus;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What {@code --wait} waits for, and for how long. */
class RequestCommandTest {

  @ParameterizedTest
  @EnumSource(RequestStatus.class)
  void waitingStopsAtEveryTerminalStatusAndWhenAChoiceIsNeeded(RequestStatus status) {
    assertThat(RequestCommand.isSettled(status.name()))
        .isEqualTo(status.isTerminal() || status == RequestStatus.AWAITING_SELECTION);
  }

  @ParameterizedTest
  @CsvSource({"''", "UNKNOWN", "fulfilled"})
  void waitingGoesOnThroughAStatusItDoesNotKnow(String status) {
    assertThat(RequestCommand.isSettled(status)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "500ms, PT0.5S",
    "30s, PT30S",
    "10m, PT10M",
    "10 m, PT10M",
    "2h, PT2H",
    "1d, PT24H",
    "PT90S, PT1M30S",
    "pt5m, PT5M"
  })
  void aTimeoutIsAShortDurationOrAnIsoOne(String text, String expected) {
    RequestCommand.Wait wait = new RequestCommand.Wait();
    wait.timeout = text;

    assertThat(wait.limit().get()).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"soon", "-5m", "PT-5M", "5", "ms"})
  void aTimeoutThatIsNoDurationOrIsNegativeIsRefused(String text) {
    RequestCommand.Wait wait = new RequestCommand.Wait();
    wait.timeout = text;

    assertThat(wait.limit().isLeft()).isTrue();
  }
}

package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

  @Test
  void defaultsToPort8089AGeneratedTokenAndTheNormalPace() {
    SandboxSettings settings = SandboxMain.parse(new String[0]);

    assertThat(settings.port()).isEqualTo(8089);
    assertThat(settings.tokens()).isEmpty();
    assertThat(settings.stepDelay()).isEqualTo(SandboxSettings.DEFAULT_STEP_DELAY);
    assertThat(settings.controlApiEnabled()).isFalse();
    assertThat(settings.bindHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void readsEveryOption() {
    SandboxSettings settings =
        SandboxMain.parse(
            new String[] {
              "--port",
              "9000",
              "--token",
              "a",
              "--token",
              "b",
              "--speed",
              "3",
              "--balance",
              "50.5",
              "--host",
              "0.0.0.0",
              "--control"
            });

    assertThat(settings.port()).isEqualTo(9000);
    assertThat(settings.tokens()).containsExactly("a", "b");
    assertThat(settings.stepDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.initialBalance()).isEqualByComparingTo(new BigDecimal("50.5"));
    assertThat(settings.bindHost()).isEqualTo("0.0.0.0");
    assertThat(settings.controlApiEnabled()).isTrue();
  }

  @Test
  void refusesWhatItDoesNotUnderstand() {
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--colour", "red"}))
        .hasMessageContaining("--colour");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port"}))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--speed", "fast"}))
        .hasMessageContaining("--speed");
    assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--speed", "0"}))
        .hasMessageContaining("speed");
  }

  @Test
  void settingsRejectNonsense() {
    SandboxSettings defaults = SandboxSettings.defaults();
    assertThatThrownBy(() -> defaults.withPort(70_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withTokens(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withInitialBalance(new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

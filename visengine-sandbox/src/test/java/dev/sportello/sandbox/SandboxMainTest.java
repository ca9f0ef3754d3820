package dev.sportello.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
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

  @Test
  void readsRepeatedAccountsSplitAtTheFirstColon() {
    SandboxSettings settings =
        SandboxMain.parse(
            new String[] {
              "--account", "dev@example.com:key:with:colons", "--account", "ops@example.com:k2"
            });

    assertThat(settings.accounts())
        .containsExactly(
            new SandboxSettings.Account("dev@example.com", "key:with:colons"),
            new SandboxSettings.Account("ops@example.com", "k2"));
    assertThat(SandboxMain.parse(new String[0]).accounts()).isEmpty();
  }

  @Test
  void refusesAMalformedAccountWithoutRepeatingIt() {
    for (String malformed : List.of("no-colon-secret", ":secret", "dev@example.com:")) {
      assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--account", malformed}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--account takes EMAIL:APIKEY")
          .hasMessageNotContaining("secret");
    }
  }

  @Test
  void theJarsUsageNamesHowTheJarIsRunAndListsTheAccountOption() {
    assertThat(SandboxMain.usage(SandboxMain.JAR_COMMAND))
        .startsWith("Usage: java -jar visengine-sandbox.jar [options]")
        .contains("--account EMAIL:APIKEY");
  }

  @Test
  void anAccountNeverPrintsItsApiKey() {
    SandboxSettings.Account account = new SandboxSettings.Account("dev@example.com", "s3cr3t-key");

    assertThat(account.toString()).contains("dev@example.com").doesNotContain("s3cr3t-key");
    assertThat(SandboxSettings.defaults().withAccounts(account).toString())
        .doesNotContain("s3cr3t-key");
  }

  @Test
  void settingsRejectTwoAccountsWithOneEMail() {
    assertThatThrownBy(() ->
            SandboxSettings.defaults()
                .withAccounts(
                    new SandboxSettings.Account("dev@example.com", "a"),
                    new SandboxSettings.Account("dev@example.com", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("a\"")
        .hasMessageContaining("distinct");
  }
}

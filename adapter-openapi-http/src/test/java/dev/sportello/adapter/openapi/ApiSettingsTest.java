package dev.sportello.adapter.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {
  private static final URI API = URI.create("https://api.example");
  private static final Supplier<String> TOKEN = ApiSettings.fixedToken("s3cr3t-t0ken");
  private static final Duration SECOND = Duration.ofSeconds(1);

  /** An engine's settings, their values in any order. */
  private record Settings(
      String userAgent,
      RetryPolicy retry,
      Duration readTimeout,
      Duration connectTimeout,
      Supplier<String> token,
      URI baseUrl)
      implements ApiSettings {}

  @Test
  void anApiIsReachedOverHttpOrHttpsAtAHost() {
    assertThatCode(
            () -> ApiSettings.requireValid(API, TOKEN, SECOND, SECOND, RetryPolicy.NONE, "agent"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() ->
            ApiSettings.requireValid(
                URI.create("ftp://api.example"), TOKEN, SECOND, SECOND, RetryPolicy.NONE, "agent"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            ApiSettings.requireValid(
                URI.create("http:///x"), TOKEN, SECOND, SECOND, RetryPolicy.NONE, "agent"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timeoutsArePositiveAndTheUserAgentPrintable() {
    assertThatThrownBy(() ->
            ApiSettings.requireValid(API, TOKEN, Duration.ZERO, SECOND, RetryPolicy.NONE, "agent"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            ApiSettings.requireValid(
                API, TOKEN, SECOND, SECOND, RetryPolicy.NONE, "agent\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFixedTokenIsNeverBlank() {
    assertThat(ApiSettings.fixedToken("t0ken").get()).isEqualTo("t0ken");
    assertThatThrownBy(() -> ApiSettings.fixedToken(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settingsAreDescribedWithoutTheirToken() {
    Settings settings = new Settings("agent", RetryPolicy.NONE, SECOND, SECOND, TOKEN, API);

    assertThat(ApiSettings.describe("Settings", settings))
        .startsWith("Settings[baseUrl=https://api.example")
        .contains("userAgent=agent")
        .doesNotContain("s3cr3t-t0ken");
  }
}

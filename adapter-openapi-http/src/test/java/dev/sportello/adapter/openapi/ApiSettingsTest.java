package dev.sportello.adapter.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {
  private static final URI API = URI.create("https://api.example");
  private static final Duration SECOND = Duration.ofSeconds(1);

  /** An engine's settings, their values in any order. */
  private record Settings(
      String userAgent,
      RetryPolicy retry,
      Duration readTimeout,
      Duration connectTimeout,
      BearerToken token,
      URI baseUrl)
      implements ApiSettings {}

  @Test
  void anApiIsReachedOverHttpOrHttpsAtAHost() {
    assertThatCode(() -> ApiSettings.requireValid(API, SECOND, SECOND, RetryPolicy.NONE, "agent"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() ->
            ApiSettings.requireValid(
                URI.create("ftp://api.example"), SECOND, SECOND, RetryPolicy.NONE, "agent"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            ApiSettings.requireValid(
                URI.create("http:///x"), SECOND, SECOND, RetryPolicy.NONE, "agent"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timeoutsArePositiveAndTheUserAgentPrintable() {
    assertThatThrownBy(
            () -> ApiSettings.requireValid(API, Duration.ZERO, SECOND, RetryPolicy.NONE, "agent"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            ApiSettings.requireValid(API, SECOND, SECOND, RetryPolicy.NONE, "agent\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScopeNamesTheMethodTheHostAndTheFirstSegmentOnce() {
    assertThat(
            ApiSettings.scopes(
                "test.api.example", "GET /things", "GET /things/{id}", "PUT /things/{id}/parts"))
        .containsExactly("GET:test.api.example/things", "PUT:test.api.example/things");
  }

  @Test
  void aScopeIsNeverAWildcardNorAParameter() {
    assertThatThrownBy(() -> ApiSettings.scopes("api.example", "GET /*"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiSettings.scopes("api.example", "GET /{id}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiSettings.scopes("api.example", "get things"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settingsAreDescribedWithoutTheirToken() {
    Settings settings =
        new Settings(
            "agent", RetryPolicy.NONE, SECOND, SECOND, BearerToken.fixed("s3cr3t-t0ken"), API);

    assertThat(ApiSettings.describe("Settings", settings))
        .startsWith("Settings[baseUrl=https://api.example")
        .contains("userAgent=agent")
        .doesNotContain("s3cr3t-t0ken");
    assertThat(settings.toString()).doesNotContain("s3cr3t-t0ken");
  }
}

package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.api.Test;

class RestSettingsTest {
  private static RestSettings with(Map<String, String> keys) {
    return RestSettings.of(keys, () -> true, () -> true, () -> "");
  }

  @Test
  void defaultsToLocalhost8080And25MegabyteBodies() {
    var settings = with(HashMap.empty());

    assertThat(settings.host()).isEqualTo("localhost");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.maxBodyBytes()).isEqualTo(25L * 1024 * 1024);
  }

  @Test
  void aKeyIsHashedWithSha256() {
    assertThat(RestSettings.hashApiKey("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aKeyInClearIsRefused() {
    assertThatThrownBy(() -> with(HashMap.of("alice-secret-key-0001", "alice")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("alice-secret");
  }

  @Test
  void everyKeyNeedsACaller() {
    assertThatThrownBy(() -> with(HashMap.of(RestSettings.hashApiKey("k"), " ")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBodyLimitIsAtLeastOneKibibyte() {
    var settings = with(HashMap.empty());

    assertThatThrownBy(() -> settings.withMaxBodyBytes(1023))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(settings.withMaxBodyBytes(1024).maxBodyBytes()).isEqualTo(1024);
  }
}

package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.adapter.cli.CliSettings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the client commands find the service, read from the environment. */
class ClientSettingsTest {

  @Test
  void withNothingSetTheClientCallsLocalhost8080WithoutAKey() {
    CliSettings settings = Main.clientSettings(Map.of());

    assertThat(settings.serviceUrl().get()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(settings.apiKey().isEmpty()).isTrue();
  }

  @Test
  void sportelloUrlAndTheKeyAreTakenAsSet() {
    CliSettings settings =
        Main.clientSettings(
            Map.of(
                "SPORTELLO_URL", " https://sportello.example.com ",
                "SPORTELLO_API_KEY", "sk_key",
                "SPORTELLO_HTTP_PORT", "9090"));

    assertThat(settings.serviceUrl().get()).isEqualTo(URI.create("https://sportello.example.com"));
    assertThat(settings.apiKey().get()).isEqualTo("sk_key");
  }

  @Test
  void withoutAUrlTheClientCallsTheServicesPortOnLocalhost() {
    CliSettings settings = Main.clientSettings(Map.of("SPORTELLO_HTTP_PORT", "9090"));

    assertThat(settings.serviceUrl().get()).isEqualTo(URI.create("http://localhost:9090"));
  }

  @Test
  void anUnusableAddressIsKeptAsTheReasonForTheClientToPrint() {
    assertThat(Main.clientSettings(Map.of("SPORTELLO_URL", "ftp://x")).serviceUrl().getLeft())
        .startsWith("SPORTELLO_URL must be an http or https URL");
    assertThat(Main.clientSettings(Map.of("SPORTELLO_HTTP_PORT", "eighty")).serviceUrl().getLeft())
        .isEqualTo("SPORTELLO_HTTP_PORT must be a whole number from 0 to 65535");
  }
}

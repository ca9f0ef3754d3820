package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationsTest {
  private final Harness api = new Harness();

  @AfterEach
  void stop() {
    api.close();
  }

  private Harness.Reply anonymous(String path) {
    return api.send(HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(10)).GET());
  }

  @Test
  void live() {
    var reply = anonymous("/health/live");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void readyWhenStoreAndUpstreamAre() {
    var reply = anonymous("/health/ready");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("checks").get("store").asString()).isEqualTo("UP");
    assertThat(reply.json().get("checks").get("upstream").asString()).isEqualTo("UP");
  }

  @Test
  void notReadyWhenAProbeFailsThrowsOrHangs() {
    api.store = () -> false;
    var down = anonymous("/health/ready");
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.json().get("checks").get("store").asString()).isEqualTo("DOWN");

    api.store = () -> true;
    api.upstream =
        () -> {
          throw new IllegalStateException("unreachable");
        };
    var throwing = anonymous("/health/ready");
    assertThat(throwing.status()).isEqualTo(503);
    assertThat(throwing.json().get("checks").get("upstream").asString()).isEqualTo("DOWN");

    api.upstream =
        () -> {
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          return true;
        };
    var hanging = anonymous("/health/ready");
    assertThat(hanging.status()).isEqualTo(503);
  }

  @Test
  void readinessCarriesTheDetailsItIsGivenBesideItsChecks() {
    api.details = () -> io.vavr.collection.HashMap.of("wallet", "125.50 EUR");

    var reply = anonymous("/health/ready");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("details").get("wallet").asString()).isEqualTo("125.50 EUR");
  }

  @Test
  void readinessLeavesOutDetailsThatFailWithoutChangingItsVerdict() {
    api.details =
        () -> {
          throw new IllegalStateException("no balance yet");
        };

    var reply = anonymous("/health/ready");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().has("details")).isFalse();
  }

  @Test
  void metrics() {
    var reply = anonymous("/metrics");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/plain");
    assertThat(reply.text()).contains("sportello_up 1");
  }

  @Test
  void theOpenApiDocumentIsPublic() {
    var reply = anonymous("/api/v1/openapi.yaml");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/yaml");
    assertThat(reply.text()).startsWith("openapi: 3.1.0");
  }

  @Test
  void theSwaggerUiPageAndItsAssets() {
    var page = anonymous("/docs");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.text()).contains("/api/v1/openapi.yaml");
    String bundle = page.text().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle\\.js)\".*", "$1");
    var asset =
        api.stream(HttpRequest.newBuilder(api.uri(bundle)).timeout(Duration.ofSeconds(10)).GET());
    assertThat(asset.statusCode()).isEqualTo(200);
  }
}

package dev.sportello.example.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sportello.sandbox.SandboxSettings;
import dev.sportello.sandbox.VisengineSandbox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop as it runs: Spring Boot on a random port, its database an embedded PostgreSQL, and
 * Visengine played by the sandbox, whose clock the test moves on instead of waiting for its
 * operators. An order goes in through the shop's own endpoint and comes back fulfilled, with its
 * document, once the starter's sync cycle has followed it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ShopApplicationTest {
  /** Openapi's residence certificate, in the sandbox's catalogue. */
  private static final String RESIDENCE = "69663cda34a03ef7efc253262baea547";

  private static final VisengineSandbox VISENGINE =
      VisengineSandbox.start(SandboxSettings.defaults().withControlApi(true));
  private static final EmbeddedPostgres DATABASE = startDatabase();
  private static final Path DOCUMENTS = temporaryDirectory();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void shop(DynamicPropertyRegistry properties) {
    properties.add("spring.datasource.url", () -> DATABASE.getJdbcUrl("postgres", "postgres"));
    properties.add("spring.datasource.username", () -> "postgres");
    properties.add("spring.datasource.password", () -> "");
    properties.add("sportello.visengine.url", () -> VISENGINE.baseUrl().toString());
    properties.add("sportello.visengine.token", VISENGINE::token);
    properties.add(
        "sportello.notification-secret", () -> "a-notification-secret-for-the-shop-s-tests");
    properties.add("sportello.persistence.documents-directory", DOCUMENTS::toString);
    properties.add("sportello.sync.interval", () -> "200ms");
  }

  /**
   * Stops the sandbox and the database with the shop, once its sync cycle has stopped: a cycle that
   * outlived the database would wait for a connection until the pool gave up, and hold the test
   * JVM's exit that long.
   */
  @TestConfiguration
  static class Servers {
    @Bean
    AutoCloseable sandboxAndDatabase() {
      return () -> {
        VISENGINE.close();
        DATABASE.close();
      };
    }
  }

  @Test
  void anOrderedCertificateIsFulfilledWithItsDocument() throws Exception {
    HttpResponse<String> ordered =
        send(
            HttpRequest.newBuilder(shop("/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "order-1")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"certificateId": "%s",
                         "values": {"$0": "Mario", "$1": "Rossi", "$2": "1985-12-10",
                                    "$3": "G702", "$4": "RSSMRA85T10A562S"}}
                        """
                            .formatted(RESIDENCE))));
    assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(201);
    String id = JSON.readTree(ordered.body()).path("id").asString();

    JsonNode fulfilled = untilFulfilled(id);

    assertThat(fulfilled.path("document").asString()).isNotEmpty();
  }

  @Test
  void anOrderThatFailsTheChecksIsRefusedWithoutReachingVisengine() throws Exception {
    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(shop("/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "order-2")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"certificateId": "%s", "values": {"$0": "Mario"}}
                        """
                            .formatted(RESIDENCE))));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
  }

  /**
   * Moves the sandbox's clock on, an operator's step at a time, until the starter's sync cycle has
   * seen the order fulfilled and stored its document.
   */
  private JsonNode untilFulfilled(String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    JsonNode order = JSON.readTree(send(HttpRequest.newBuilder(shop("/orders/" + id))).body());
    while (Instant.now().isBefore(deadline)) {
      if (order.path("status").asString().equals("FULFILLED")
          && !order.path("document").asString().isEmpty()) {
        return order;
      }
      VISENGINE.advance(Duration.ofHours(1));
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      order = JSON.readTree(send(HttpRequest.newBuilder(shop("/orders/" + id))).body());
    }
    throw new AssertionError("order " + id + " never fulfilled: " + order);
  }

  private URI shop(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static EmbeddedPostgres startDatabase() {
    try {
      return EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("shop-documents");
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}

package dev.sportello.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.sportello.application.port.in.UseCaseError;
import io.vavr.control.Either;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No personal value, key or token reaches the logs of the adapter or of Javalin, at any level, even
 * when things go wrong; Jetty is logged at INFO (its DEBUG output dumps raw network buffers, so a
 * deployment must never run it at DEBUG with real data).
 */
class LogHygieneTest {
  private static final String TOKEN = "req-1.SECRETMAC0123456789";

  @Test
  void logsCarryNoValuesKeysOrTokens() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    Logger ours = (Logger) LoggerFactory.getLogger("dev.sportello");
    Logger javalin = (Logger) LoggerFactory.getLogger("io.javalin");
    Level oursBefore = ours.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    root.setLevel(Level.INFO);
    ours.setLevel(Level.TRACE);
    javalin.setLevel(Level.TRACE);
    try (var api = new Harness()) {
      when(api.submit.submit(any()))
          .thenThrow(new IllegalStateException("boom " + Fixtures.TAX_CODE));
      when(api.notifications.handle(any()))
          .thenReturn(Either.left(new UseCaseError.UpstreamUnavailable("down")));
      String body =
          "{\"certificateId\": \"x\", \"values\": {\"$0\": \"" + Fixtures.TAX_CODE + "\"}}";

      api.send(
          api.as(Harness.ALICE_KEY, "/api/v1/requests")
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", "k")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
      api.post(
          "/api/v1/certificates/" + Fixtures.CERTIFICATE_ID + "/validation",
          "{\"values\": " + Fixtures.TAX_CODE);
      api.send(
          HttpRequest.newBuilder(api.uri("/webhooks/visengine/" + TOKEN))
              .timeout(Duration.ofSeconds(10))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"data\": {\"codice_fiscale\": \"" + Fixtures.TAX_CODE + "\"}}")));
      api.send(
          HttpRequest.newBuilder(api.uri("/webhooks/docuengine"))
              .timeout(Duration.ofSeconds(10))
              .header("X-Sportello-Token", TOKEN)
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"data\": {\"codiceFiscale\": \"" + Fixtures.TAX_CODE + "\"}}")));
      api.send(api.as("wrong-" + Harness.BOB_KEY, "/api/v1/requests").GET());
    } finally {
      root.setLevel(before);
      ours.setLevel(oursBefore);
      javalin.setLevel(null);
      root.detachAppender(events);
    }

    assertThat(events.list).isNotEmpty();
    assertThat(events.list)
        .anySatisfy(
            event -> assertThat(event.getFormattedMessage()).contains("IllegalStateException"));
    for (ILoggingEvent event : events.list) {
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text)
          .doesNotContain(Fixtures.TAX_CODE)
          .doesNotContain(Harness.ALICE_KEY)
          .doesNotContain(Harness.BOB_KEY)
          .doesNotContain("SECRETMAC");
    }
  }
}

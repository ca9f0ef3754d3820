package dev.sportello.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

class LoggingTest {
  private final PrintStream original = System.out;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private String logged(Config.LogFormat format, String level) {
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    Logging.configure(format, level);
    LoggerFactory.getLogger("sportello.test").info("ready in {} ms", 812);
    LoggerFactory.getLogger("sportello.test").debug("not at INFO");
    return printed.toString(StandardCharsets.UTF_8);
  }

  @AfterEach
  void restore() {
    System.setOut(original);
    Logging.configure(Config.LogFormat.TEXT, "WARN");
  }

  @Test
  void jsonLogsAreOneObjectPerLineWithTheFormattedMessage() {
    String output = logged(Config.LogFormat.JSON, "INFO");

    assertThat(output.lines()).hasSize(1);
    JsonNode line = Harness.JSON.readTree(output);
    assertThat(line.path("level").asString()).isEqualTo("INFO");
    assertThat(line.path("formattedMessage").asString()).isEqualTo("ready in 812 ms");
  }

  @Test
  void textLogsAreOneLinePerEventAtTheConfiguredLevel() {
    String output = logged(Config.LogFormat.TEXT, "INFO");

    assertThat(output.lines())
        .singleElement()
        .asString()
        .endsWith("INFO  sportello.test - ready in 812 ms");
  }
}

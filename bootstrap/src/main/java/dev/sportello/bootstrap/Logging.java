package dev.sportello.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.vavr.collection.List;
import org.slf4j.LoggerFactory;

/**
 * Sets Logback up in code rather than from XML, which takes a noticeable part of a start: text or
 * JSON lines (Logback's own {@link JsonEncoder}) on standard output. Until the service's
 * configuration is read, and for the client commands, only warnings are printed.
 */
final class Logging {
  /** Libraries that say a lot at INFO about things that concern nobody running the service. */
  private static final List<String> QUIET =
      List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb");

  private Logging() {}

  static void configure(Config.LogFormat format, String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    Encoder<ILoggingEvent> encoder =
        switch (format) {
          case TEXT -> {
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
            yield pattern;
          }
          case JSON -> {
            // One readable line per event: the message as formatted, without the template and its
            // arguments apart, nor Logback's own bookkeeping.
            JsonEncoder json = new JsonEncoder();
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            yield json;
          }
        };
    encoder.setContext(context);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("console");
    console.setEncoder(encoder);
    console.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(console);
    QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
  }
}

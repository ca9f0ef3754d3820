package dev.sportello.adapter.account;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the calling side, DEBUG included, from its start until it is closed: the
 * adapters' and Feign's. The sandbox, which plays upstream, is not the calling side.
 */
final class CapturedLogs implements AutoCloseable {
  private static final List<String> CALLING_SIDE = List.of("dev.sportello.adapter", "feign");

  private final List<Logger> loggers =
      CALLING_SIDE.stream().map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
  private final List<Level> before = loggers.stream().map(Logger::getLevel).toList();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  CapturedLogs() {
    events.start();
    for (Logger logger : loggers) {
      logger.addAppender(events);
      logger.setLevel(Level.DEBUG);
    }
  }

  /** Each event as its level, its message and its stack trace, if any. */
  List<String> lines() {
    List<ILoggingEvent> copy;
    synchronized (events) { // the appender appends while holding its own lock
      copy = List.copyOf(events.list);
    }
    return copy.stream()
        .map(event ->
            event.getLevel()
                + " "
                + event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                    ? ""
                    : " " + ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .toList();
  }

  @Override
  public void close() {
    for (int index = 0; index < loggers.size(); index++) {
      loggers.get(index).setLevel(before.get(index));
      loggers.get(index).detachAppender(events);
    }
  }
}

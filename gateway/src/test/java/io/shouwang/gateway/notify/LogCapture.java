package io.shouwang.gateway.notify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log line (Shouwang's at DEBUG) with its stack trace, to look for leaks. */
public final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger shouwang = (Logger) LoggerFactory.getLogger("io.shouwang");
  private final Level previous = shouwang.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
    shouwang.setLevel(Level.DEBUG);
  }

  /**
   * Every captured line (level, logger, formatted message and stack trace) except those of the
   * given logger prefixes, e.g. a test's own SMTP server, which logs what it received.
   */
  public List<String> lines(String... exceptLoggers) {
    return List.copyOf(appender.list).stream()
        .filter(event -> Arrays.stream(exceptLoggers).noneMatch(event.getLoggerName()::startsWith))
        .map(event -> event.getLevel() + " " + event.getLoggerName() + " "
            + event.getFormattedMessage()
            + (event.getThrowableProxy() == null ? ""
                : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    shouwang.setLevel(previous);
    appender.stop();
  }
}

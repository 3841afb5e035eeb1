package io.shouwang.gateway.notify.console;

import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per page, so a demo without any configured channel still shows who would have
 * been paged. For demos: the title names the resident and the flat, so production configurations
 * leave this channel off. Phone numbers, e-mail addresses and bodies are never logged.
 */
public final class ConsoleChannel implements NotificationChannel {

  /** The channel's name, as pages and configuration refer to it. */
  public static final String NAME = "console";

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleChannel.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean canReach(Recipient recipient) {
    return true;
  }

  @Override
  public Future<String> send(Page page) {
    LOG.info("page incident={} channel={} recipient={} title={}", page.incidentId(),
        page.channel(), page.recipient().id(), oneLine(page.title()));
    return Future.succeededFuture(NAME + ": logged");
  }

  private static String oneLine(String text) {
    // A line break in a title must not forge a second log line.
    return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
  }
}

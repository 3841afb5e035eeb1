package io.shouwang.gateway.notify.dashboard;

import io.shouwang.alerting.notify.ChannelException;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.Recipient;
import io.vertx.core.Future;
import java.util.Set;

/**
 * Pushes pages for the duty desk and caregivers onto the {@link DashboardFeed}. With nobody
 * watching the page counts as not delivered (retryable), so the record never claims that a
 * dashboard showed it.
 */
public final class DashboardChannel implements NotificationChannel {

  /** The channel's name, as pages and configuration refer to it. */
  public static final String NAME = "dashboard";

  private static final Set<String> ROLES = Set.of("duty_desk", "caregiver");

  private final DashboardFeed feed;

  /** A channel publishing to the feed the dashboard serves. */
  public DashboardChannel(DashboardFeed feed) {
    this.feed = feed;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean canReach(Recipient recipient) {
    return ROLES.contains(recipient.role());
  }

  @Override
  public Future<String> send(Page page) {
    int subscribers = feed.publish(DashboardEvent.of(page));
    if (subscribers == 0) {
      return Future.failedFuture(
          ChannelException.forStatus("dashboard: the recipient has no dashboard open", 503, null));
    }
    return Future.succeededFuture(NAME + ": queued for " + subscribers + " subscriber(s)");
  }
}

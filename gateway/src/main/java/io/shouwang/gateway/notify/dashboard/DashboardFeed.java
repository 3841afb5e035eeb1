package io.shouwang.gateway.notify.dashboard;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The in-process live stream of pages and incident updates that the dashboard serves to browsers.
 * Each subscriber has its own bounded buffer: a slow one loses its oldest events (counted, in
 * {@code shouwang.dashboard.overflow}) and never delays the publisher or other subscribers.
 */
public final class DashboardFeed {

  private final int capacity;
  private final List<DashboardSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicLong overflowed = new AtomicLong();

  /** A feed with no subscribers; its meters are registered on {@code meters}. */
  public DashboardFeed(DashboardOptions options, MeterRegistry meters) {
    this.capacity = options.bufferPerSubscriber();
    FunctionCounter.builder("shouwang.dashboard.overflow", overflowed, AtomicLong::get)
        .description("Dashboard events dropped because a subscriber had not caught up")
        .register(meters);
    Gauge.builder("shouwang.dashboard.subscribers", subscriptions, List::size)
        .description("Live dashboard subscribers")
        .strongReference(true)
        .register(meters);
  }

  /**
   * Subscribes a consumer; events arrive in publication order on {@code executor}, one at a time.
   * For a Vert.x handler pass {@code task -> context.runOnContext(v -> task.run())}.
   */
  public DashboardSubscription subscribe(Executor executor, Consumer<DashboardEvent> consumer) {
    return subscribe(executor, consumer, event -> true, recipient -> true);
  }

  /**
   * Subscribes a consumer that is shown only the events {@code shows} accepts (a person's scope)
   * and that counts as having received a page when {@code isRecipient} accepts the page's
   * recipient id (the person it is addressed to is looking at this dashboard).
   */
  public DashboardSubscription subscribe(Executor executor, Consumer<DashboardEvent> consumer,
      Predicate<DashboardEvent> shows, Predicate<String> isRecipient) {
    DashboardSubscription subscription =
        new DashboardSubscription(this, executor, consumer, capacity, shows, isRecipient);
    subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Queues the event for every subscriber it is shown to, without waiting; returns how many of
   * those are its recipient (for events without a recipient: how many it was queued for).
   */
  public int publish(DashboardEvent event) {
    int reached = 0;
    for (DashboardSubscription subscription : subscriptions) {
      if (subscription.offer(event) && (event.recipientId() == null
          || subscription.isRecipient(event.recipientId()))) {
        reached++;
      }
    }
    return reached;
  }

  /** The number of live subscribers. */
  public int subscribers() {
    return subscriptions.size();
  }

  /** Events dropped across all subscribers since start. */
  public long overflowed() {
    return overflowed.get();
  }

  void countOverflow() {
    overflowed.incrementAndGet();
  }

  void remove(DashboardSubscription subscription) {
    subscriptions.remove(subscription);
  }
}

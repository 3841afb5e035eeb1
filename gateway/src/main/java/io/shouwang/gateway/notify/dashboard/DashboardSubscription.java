package io.shouwang.gateway.notify.dashboard;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's bounded buffer and its delivery, on the subscriber's own executor (for a
 * Vert.x handler, its context). A publisher only appends and, if no delivery is running,
 * schedules one: it never waits for the subscriber.
 */
public final class DashboardSubscription {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardSubscription.class);
  // Bounds one delivery run, so a busy stream cannot hold an event loop: the run reschedules.
  private static final int MAX_PER_RUN = 64;

  private final DashboardFeed feed;
  private final Executor executor;
  private final Consumer<DashboardEvent> consumer;
  private final int capacity;
  private final Predicate<DashboardEvent> shows;
  private final Predicate<String> isRecipient;
  private final ArrayDeque<DashboardEvent> buffer = new ArrayDeque<>();
  private boolean scheduled;
  private boolean closed;
  private long overflowed;

  DashboardSubscription(
      DashboardFeed feed, Executor executor, Consumer<DashboardEvent> consumer, int capacity,
      Predicate<DashboardEvent> shows, Predicate<String> isRecipient) {
    this.shows = shows;
    this.isRecipient = isRecipient;
    this.feed = feed;
    this.executor = executor;
    this.consumer = consumer;
    this.capacity = capacity;
  }

  /** Events dropped because this subscriber had not caught up; a dashboard should resync. */
  public synchronized long overflowed() {
    return overflowed;
  }

  /** Stops delivery; buffered events are discarded. */
  public void close() {
    synchronized (this) {
      closed = true;
      buffer.clear();
    }
    feed.remove(this);
  }

  boolean isRecipient(String recipientId) {
    return isRecipient.test(recipientId);
  }

  /** Queues the event, dropping the oldest when full; false when closed or not shown here. */
  boolean offer(DashboardEvent event) {
    if (!shows.test(event)) {
      return false;
    }
    boolean schedule;
    synchronized (this) {
      if (closed) {
        return false;
      }
      // The newest event wins: a wall display needs the current state more than an old page.
      if (buffer.size() == capacity) {
        buffer.pollFirst();
        overflowed++;
        feed.countOverflow();
      }
      buffer.addLast(event);
      schedule = !scheduled;
      scheduled = true;
    }
    if (schedule) {
      schedule();
    }
    return true;
  }

  private void schedule() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      LOG.warn("dashboard subscriber's executor refused delivery; closing the subscription");
      close();
    }
  }

  private void drain() {
    for (int delivered = 0; delivered < MAX_PER_RUN; delivered++) {
      DashboardEvent next;
      synchronized (this) {
        next = buffer.pollFirst();
        if (next == null) {
          scheduled = false;
          return;
        }
      }
      try {
        consumer.accept(next);
      } catch (RuntimeException e) {
        // The event names a resident: log the failure's type only.
        LOG.warn("dashboard subscriber failed on {}: {}", next, e.getClass().getName());
      }
    }
    schedule();
  }
}

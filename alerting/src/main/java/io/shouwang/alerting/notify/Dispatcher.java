package io.shouwang.alerting.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.Scheduler;
import io.shouwang.alerting.config.DispatchSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out stage: each page goes to its channel's own lane (queue, retry with backoff, record).
 * Engine thread only.
 */
public final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Map<String, ChannelLane> lanes = new LinkedHashMap<>();

  /**
   * One lane per channel; outcomes go to {@code listener} on the engine thread, first hand-offs of
   * pages that answer a message to {@code timing}.
   */
  public Dispatcher(List<NotificationChannel> channels, DispatchSettings settings,
      Scheduler scheduler, Executor loop, DeliveryListener listener, HandoffTiming timing,
      MeterRegistry meters) {
    this(channels, settings, scheduler, loop, listener, timing, meters,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** As above, with the source of retry jitter given (tests make it fixed). */
  Dispatcher(List<NotificationChannel> channels, DispatchSettings settings,
      Scheduler scheduler, Executor loop, DeliveryListener listener, HandoffTiming timing,
      MeterRegistry meters, DoubleSupplier jitter) {
    for (NotificationChannel channel : channels) {
      if (lanes.containsKey(channel.name())) {
        throw new IllegalArgumentException("two notification channels named " + channel.name());
      }
      lanes.put(channel.name(),
          new ChannelLane(channel, settings, scheduler, loop, listener, timing, meters,
              jitter));
    }
  }

  /** True when a channel of this name is wired. */
  public boolean has(String channel) {
    return lanes.containsKey(channel);
  }

  /** True when the channel is wired and says it can reach this recipient. */
  public boolean canReach(String channel, Recipient recipient) {
    ChannelLane lane = lanes.get(channel);
    if (lane == null) {
      return false;
    }
    try {
      return lane.channel().canReach(recipient);
    } catch (RuntimeException e) {
      LOG.warn("channel {} failed to decide whether it can reach {}", channel, recipient, e);
      return false;
    }
  }

  /** Queues a page on its channel's lane; {@code attemptsSoFar} continues a count after restart. */
  public void submit(Page page, int attemptsSoFar) {
    ChannelLane lane = lanes.get(page.channel());
    if (lane == null) {
      throw new IllegalArgumentException("no channel named " + page.channel());
    }
    lane.submit(page, attemptsSoFar);
  }

  /** Skips every page of this incident that has not been sent yet, on every channel. */
  public void cancelPending(String incidentId, String reason) {
    for (ChannelLane lane : lanes.values()) {
      lane.cancelPending(incidentId, reason);
    }
  }

  /** Pages held by one channel's lane (waiting, in flight, or waiting for a retry). */
  public int queued(String channel) {
    ChannelLane lane = lanes.get(channel);
    return lane == null ? 0 : lane.size();
  }
}

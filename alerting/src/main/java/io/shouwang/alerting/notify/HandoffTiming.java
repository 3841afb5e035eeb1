package io.shouwang.alerting.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times how long a device message takes to become a page handed to its channel: from the
 * message's arrival at the gateway, and from the device's own time stamp on it (the press). Only
 * the first attempt of a page created while the engine handles a message is timed; pages from
 * timers (later steps, repeats, retries, re-sends after a restart) answer no message.
 *
 * <p>Pages are created synchronously while the engine handles one message on its one thread, so
 * "the message being handled right now" is exactly the message a new page answers. Engine thread
 * only.
 */
public final class HandoffTiming {

  /** The message a page answers: its arrival at the gateway and its device time. */
  record Origin(Instant receivedAt, Instant deviceTime) {}

  /** Bucket edges: fine below a few milliseconds, where the alert path's own cost shows. */
  private static final Duration[] BUCKETS = buckets();

  private final Clock clock;
  private final MeterRegistry meters;
  private final Map<String, Timer[]> timers = new HashMap<>();
  private Origin current;

  /**
   * @param clock a wall clock with sub-millisecond precision: arrival and device times are wall
   *     instants, and the hand-off must be read on the same clock
   */
  public HandoffTiming(Clock clock, MeterRegistry meters) {
    this.clock = clock;
    this.meters = meters;
  }

  /** Runs {@code work} as the handling of one message; pages it creates are timed from it. */
  public <T> T during(Instant receivedAt, Instant deviceTime, Supplier<T> work) {
    Origin outer = current;
    current = new Origin(receivedAt, deviceTime);
    try {
      return work.get();
    } finally {
      current = outer;
    }
  }

  /** The message being handled now, or null outside the handling of a message. */
  Origin current() {
    return current;
  }

  /** Records a page's first hand-off to its channel (called just before the channel's send). */
  void handedOver(String channel, Origin origin) {
    Instant now = clock.instant();
    Timer[] pair = timers.computeIfAbsent(channel, this::register);
    pair[0].record(Duration.between(origin.receivedAt(), now));
    pair[1].record(Duration.between(origin.deviceTime(), now));
  }

  private Timer[] register(String channel) {
    return new Timer[] {
      Timer.builder("shouwang.alerting.page.handoff")
          .description("From a message's arrival at the gateway to its page handed to the channel")
          .tag("channel", channel)
          .serviceLevelObjectives(BUCKETS)
          .register(meters),
      Timer.builder("shouwang.alerting.page.handoff.since.device.time")
          .description("From a message's device time to its page handed to the channel;"
              + " includes the device clock's error")
          .tag("channel", channel)
          .serviceLevelObjectives(BUCKETS)
          .register(meters)
    };
  }

  private static Duration[] buckets() {
    List<Duration> edges = new ArrayList<>();
    long[][] ranges = { // {step, up to} in microseconds
        {50, 1_000}, {100, 3_000}, {500, 10_000}, {5_000, 100_000}, {100_000, 1_000_000},
        {1_000_000, 10_000_000}, {20_000_000, 70_000_000}};
    long edge = 0;
    for (long[] range : ranges) {
      while (edge + range[0] <= range[1]) {
        edge += range[0];
        edges.add(Duration.ofNanos(edge * 1_000));
      }
    }
    return edges.toArray(Duration[]::new);
  }
}

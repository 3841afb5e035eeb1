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
 * Times how long a device message takes to become a page handed to its channel, in one timer
 * tagged {@code since}: {@code device_time} (the device's stamp on it: the press), {@code arrival}
 * (at the gateway) and {@code engine} (when the engine began to handle it, so arrival minus engine
 * is the hops and queues in between). Only the first attempt of a page created while the engine
 * handles a message is timed; pages from timers (later steps, repeats, retries, re-sends after a
 * restart) answer no message.
 *
 * <p>Pages are created synchronously while the engine handles one message on its one thread, so
 * "the message being handled right now" is exactly the message a new page answers. Engine thread
 * only.
 */
public final class HandoffTiming {

  /** The message a page answers: its device time, arrival, and when the engine took it up. */
  record Origin(Instant deviceTime, Instant receivedAt, Instant handledAt) {}

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
    current = new Origin(deviceTime, receivedAt, clock.instant());
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
    Timer[] since = timers.computeIfAbsent(channel, this::register);
    since[0].record(Duration.between(origin.deviceTime(), now));
    since[1].record(Duration.between(origin.receivedAt(), now));
    since[2].record(Duration.between(origin.handledAt(), now));
  }

  /** device_time includes the device clock's error: exact only where clocks are synchronised. */
  private Timer[] register(String channel) {
    String[] since = {"device_time", "arrival", "engine"};
    Timer[] timers = new Timer[since.length];
    for (int i = 0; i < since.length; i++) {
      timers[i] = Timer.builder("shouwang.alerting.page.handoff")
          .description("From a message (its device time, its arrival at the gateway, the engine"
              + " taking it up) to its page handed to the channel")
          .tag("channel", channel)
          .tag("since", since[i])
          .serviceLevelObjectives(BUCKETS)
          .register(meters);
    }
    return timers;
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

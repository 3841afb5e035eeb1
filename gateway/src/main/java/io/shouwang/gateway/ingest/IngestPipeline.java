package io.shouwang.gateway.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.registry.Registry;
import io.shouwang.gateway.storage.PointWriter;
import io.shouwang.schemas.MessageClass;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes delivered messages onto lanes: events and command results to the event lane (a thread
 * no telemetry lane uses — the alert engine's when there is one, so a press reaches the engine
 * without waking another thread), telemetry to one of N lanes chosen by device id so each device's
 * messages stay in order.
 */
public final class IngestPipeline {

  /** Above this many QoS 0 events waiting, something is badly wrong; QoS 1 is bounded by the broker. */
  public static final int EVENT_LANE_CAPACITY = 65_535;

  private final MessageProcessor events;
  private final List<MessageProcessor> telemetry;
  private final IngestMetrics metrics;
  private final DeadLetters deadLetters;

  private IngestPipeline(
      MessageProcessor events, List<MessageProcessor> telemetry, IngestMetrics metrics,
      DeadLetters deadLetters) {
    this.events = events;
    this.telemetry = telemetry;
    this.metrics = metrics;
    this.deadLetters = deadLetters;
  }

  /** The event lane's own thread, when no alert engine offers its thread. */
  public static final String EVENT_THREAD_POOL = "shouwang-lane-events";

  /**
   * Deploys the lanes and wires validation, storage and the alert path.
   *
   * @param eventThreadPool the single-thread worker pool events are handled on: the alert
   *     engine's, so a press reaches the engine without waking another thread, or {@link
   *     #EVENT_THREAD_POOL}
   */
  public static Future<IngestPipeline> create(
      Vertx vertx,
      GatewayConfig.Ingest config,
      Registry registry,
      PointWriter eventWriter,
      PointWriter telemetryWriter,
      DeadLetters deadLetters,
      AlertPath alertPath,
      String eventThreadPool,
      MeterRegistry meters,
      Clock clock) {
    IngestMetrics metrics = new IngestMetrics(meters);
    MessageValidator validator =
        new MessageValidator(registry, config.maxPayloadBytes(), config.maxClockSkew());
    List<Future<Lane>> lanes = new ArrayList<>();
    lanes.add(Lane.deploy(vertx, "events", eventThreadPool, EVENT_LANE_CAPACITY, meters));
    for (int i = 0; i < config.telemetryLanes(); i++) {
      lanes.add(Lane.deploy(vertx, "telemetry-" + i, null, config.laneCapacity(), meters));
    }
    return Future.all(lanes).map(all -> {
      MessageProcessor events = new MessageProcessor(
          lanes.get(0).result(), validator, config.dedupWindow(), eventWriter, metrics,
          deadLetters, clock, alertPath, null);
      List<MessageProcessor> telemetry = new ArrayList<>();
      for (int i = 1; i < lanes.size(); i++) {
        telemetry.add(new MessageProcessor(
            lanes.get(i).result(), validator, config.dedupWindow(), telemetryWriter, metrics,
            deadLetters, clock, alertPath, events));
      }
      return new IngestPipeline(events, List.copyOf(telemetry), metrics, deadLetters);
    });
  }

  /**
   * Takes one delivered message; called on the MQTT client's thread, so it only picks a lane.
   *
   * @param subscribedClass the class of the subscription that delivered it
   */
  void accept(MessageClass subscribedClass, InboundMessage message) {
    metrics.received(subscribedClass);
    MessageProcessor processor =
        subscribedClass == MessageClass.TELEMETRY ? telemetryLaneFor(message.deviceKey()) : events;
    if (!processor.lane().offer(() -> processor.process(message))) {
      // Only QoS 0 can get here when lanes are sized to the receive maximum; QoS 1 is redelivered.
      message.redeliverLater();
    }
  }

  /** Messages waiting on all lanes. */
  public int depth() {
    int depth = events.lane().depth();
    for (MessageProcessor p : telemetry) {
      depth += p.lane().depth();
    }
    return depth;
  }

  /** The bounded record of refused messages. */
  public DeadLetters deadLetters() {
    return deadLetters;
  }

  private MessageProcessor telemetryLaneFor(String deviceKey) {
    return telemetry.get(Math.floorMod(deviceKey.hashCode(), telemetry.size()));
  }
}

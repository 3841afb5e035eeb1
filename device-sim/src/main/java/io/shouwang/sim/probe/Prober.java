package io.shouwang.sim.probe;

import io.shouwang.schemas.MessageClass;
import io.shouwang.sim.device.SimDevice;
import io.shouwang.sim.mqtt.ConnectionException;
import io.shouwang.sim.run.Fleet;
import io.shouwang.sim.run.FleetOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Sends one alarm from each target device at a steady pace and notes, per alarm, when it was
 * published and when a plain subscriber got it from the broker. What the backend then does with
 * each alarm (a page reaching a webhook receiver) is measured outside, against the same clock.
 */
public final class Prober {

  /** The gateway's own event connection lets the broker send it this many unacknowledged. */
  private static final int GATEWAY_EVENT_RECEIVE_MAXIMUM = 1000;
  private static final long SECOND = 1_000_000_000L;
  private static final long POLL_NANOS = 10_000_000L;

  /** What a probe run did. */
  public record Result(List<ProbeRecord> records, long sent, long acked,
      Map<String, Long> errors, double seconds) {}

  private final FleetOptions options;
  private final ProbeAlarm alarm;
  private final double rate;
  private final Duration wait;

  /**
   * @param rate alarms per second
   * @param wait how long to wait, after the last alarm, for the subscriber and the broker's acks
   */
  public Prober(FleetOptions options, ProbeAlarm alarm, double rate, Duration wait) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("--rate must be positive");
    }
    this.options = options;
    this.alarm = alarm;
    this.rate = rate;
    this.wait = wait;
  }

  /** Connects, sends one alarm per target, waits for the floor, disconnects. */
  public Result run(List<ProbeTargets.Target> targets)
      throws ConnectionException, InterruptedException {
    Set<String> ids = targets.stream().map(t -> t.device().id()).collect(Collectors.toSet());
    String floorId = options.clientIdPrefix() + "-floor";
    try (Fleet fleet = Fleet.connect(targets.stream().map(ProbeTargets.Target::device).toList(),
            options);
        FloorSubscriber floor = FloorSubscriber.start(options.broker().uri(), floorId, ids,
            GATEWAY_EVENT_RECEIVE_MAXIMUM)) {
      List<SimDevice> devices = new ArrayList<>();
      for (ProbeTargets.Target target : targets) {
        SimDevice device = fleet.life(target.device().id()).device();
        // A fresh boot: the same device may be under load from this seed, and a (boot, seq)
        // it already used would be dropped by the gateway as a duplicate.
        device.reboot();
        devices.add(device);
      }
      long[] published = new long[targets.size()];
      long period = (long) (SECOND / rate);
      long start = System.nanoTime();
      for (int i = 0; i < targets.size(); i++) {
        SimDevice device = devices.get(i);
        long due = start + i * period;
        long now = System.nanoTime();
        if (due > now) {
          LockSupport.parkNanos(due - now);
        }
        published[i] = System.nanoTime();
        fleet.send(device, MessageClass.EVENT, alarm.payload());
      }
      double seconds = (System.nanoTime() - start) / (double) SECOND;
      long deadline = System.nanoTime() + wait.toNanos();
      while (floor.received() < targets.size() && System.nanoTime() < deadline) {
        LockSupport.parkNanos(POLL_NANOS);
      }
      fleet.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      List<ProbeRecord> records = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        ProbeTargets.Target t = targets.get(i);
        records.add(new ProbeRecord(t.device().id(), t.householdId(), published[i],
            floor.arrival(t.device().id())));
      }
      return new Result(List.copyOf(records), fleet.sentCount(), fleet.ackedCount(),
          fleet.errorCounts(), seconds);
    }
  }
}

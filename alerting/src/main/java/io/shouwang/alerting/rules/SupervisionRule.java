package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import io.shouwang.registry.Device;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.Durations;
import io.shouwang.registry.PlacedDevice;
import io.shouwang.registry.Registry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Every registered device must be heard (any message) within its kind's silence window. A silent
 * smoke alarm, gas detector or emergency button leaves the household unprotected (PROTECTION_LOST);
 * any other silent device is DEVICE_OFFLINE. CLEARED once every device of the household is heard
 * again.
 *
 * <p>A device never heard since the rule started is timed from the start, so a restart does not
 * page for the whole city at once, and a device that never reports is still noticed. After a
 * restart a device's silence counts from its saved last-heard time instead, so one that had gone
 * silent is not noticed a whole window late; but no device is flagged within its kind's startup
 * grace, since the devices' messages during the gateway's own downtime may be lost and every
 * device needs a moment to be heard again.
 *
 * <p>The tick runs on the engine's thread every second, where a press may be waiting, so it looks
 * only at devices that may be due: each watched device sits in a queue by the time it could first
 * be flagged, computed when it was queued. A message only moves the device's last-heard time (the
 * per-message path touches no queue); when the queued time comes, the device is flagged or, if it
 * was heard meanwhile, queued again for its new time. A device is therefore looked at about once
 * per silence window, not once a second.
 */
final class SupervisionRule implements Rule {

  private static final Set<DeviceKind> PROTECTING =
      EnumSet.of(DeviceKind.SMOKE_ALARM, DeviceKind.GAS_DETECTOR, DeviceKind.EMERGENCY_BUTTON);

  private static final class Watched {
    final String householdId;
    final Device device;
    /** Registry order: devices due at the same time are flagged in it. */
    final int order;
    Instant lastHeard;
    boolean silent;
    /** When the device could first be flagged, as of when it was queued; null while silent. */
    Instant due;

    Watched(PlacedDevice placed, int order, Instant lastHeard) {
      this.householdId = placed.household().id();
      this.device = placed.device();
      this.order = order;
      this.lastHeard = lastHeard;
    }
  }

  private final RuleSettings.Supervision settings;
  private final Conditions conditions;
  private final Map<String, Watched> devices = new LinkedHashMap<>();
  private final Map<DeviceKind, Instant> graceEnds = new EnumMap<>(DeviceKind.class);
  private final PriorityQueue<Watched> queue =
      new PriorityQueue<>((a, b) -> {
        int byDue = a.due.compareTo(b.due);
        return byDue != 0 ? byDue : Integer.compare(a.order, b.order);
      });

  SupervisionRule(
      Registry registry, RuleSettings.Supervision settings, Conditions conditions, Instant start) {
    this.settings = settings;
    this.conditions = conditions;
    startGrace(start);
    for (PlacedDevice placed : registry.placements()) {
      Watched watched = new Watched(placed, devices.size(), start);
      devices.put(placed.device().id(), watched);
      enqueue(watched);
    }
  }

  @Override
  public List<DeviceCommand> resume(Restart restart) {
    Instant start = restart.start();
    startGrace(start);
    for (Watched watched : devices.values()) {
      Instant saved = restart.lastSeen().get(watched.device.id());
      // A saved time after the start means the clock was set back: count from the start then.
      watched.lastHeard = saved == null || saved.isAfter(start) ? start : saved;
    }
    queue.clear();
    for (Watched watched : devices.values()) {
      if (!watched.silent) {
        enqueue(watched);
      }
    }
    return List.of();
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    Watched watched = devices.get(message.envelope().getDeviceId());
    if (watched == null) {
      watched = new Watched(message.device(), devices.size(), message.receivedAt());
      devices.put(message.envelope().getDeviceId(), watched);
      enqueue(watched);
    }
    if (message.receivedAt().isAfter(watched.lastHeard)) {
      watched.lastHeard = message.receivedAt();
    }
    if (!watched.silent) {
      return RuleOutput.NONE;
    }
    watched.silent = false;
    enqueue(watched);
    Cause cause = causeOf(watched.device.kind());
    if (!conditions.clear(watched.householdId, cause, condition(watched))) {
      return RuleOutput.NONE;
    }
    return RuleOutput.of(
        Signals.of(
            Signal.Kind.CLEARED,
            cause,
            message,
            label(watched.device.kind()) + " heard again",
            Map.of("device_kind", watched.device.kind().yamlName())));
  }

  @Override
  public RuleOutput onTick(Instant now) {
    Output out = new Output();
    while (!queue.isEmpty() && !queue.peek().due.isAfter(now)) {
      Watched watched = queue.poll();
      Instant due = dueTime(watched);
      if (due.isAfter(now)) {
        // Heard since it was queued: look again when its new silence could end.
        watched.due = due;
        queue.add(watched);
        continue;
      }
      Duration window = settings.silence().get(watched.device.kind());
      watched.silent = true;
      watched.due = null;
      Cause cause = causeOf(watched.device.kind());
      conditions.raise(watched.householdId, cause, condition(watched));
      String summary =
          label(watched.device.kind())
              + (cause == Cause.PROTECTION_LOST ? " offline: household unprotected" : " offline");
      out.add(
          Signals.ofTimer(
              Signal.Kind.RAISE,
              cause,
              watched.householdId,
              watched.device.id(),
              summary,
              Map.of(
                  "device_kind", watched.device.kind().yamlName(),
                  "last_heard", watched.lastHeard.toString(),
                  "silence_window", Durations.format(window)),
              now,
              "offline:" + watched.device.id() + ":" + watched.lastHeard.getEpochSecond()));
    }
    return out.build();
  }

  /**
   * The first instant the device counts as silent: just past its window since it was last heard
   * (silent means longer than the window), and not within its kind's startup grace.
   */
  private Instant dueTime(Watched watched) {
    DeviceKind kind = watched.device.kind();
    Instant pastWindow = watched.lastHeard.plus(settings.silence().get(kind)).plusNanos(1);
    Instant graceEnd = graceEnds.get(kind);
    return pastWindow.isAfter(graceEnd) ? pastWindow : graceEnd;
  }

  private void enqueue(Watched watched) {
    watched.due = dueTime(watched);
    queue.add(watched);
  }

  private void startGrace(Instant start) {
    for (DeviceKind kind : DeviceKind.values()) {
      graceEnds.put(kind, start.plus(settings.graceFor(kind)));
    }
  }

  private static Cause causeOf(DeviceKind kind) {
    return PROTECTING.contains(kind) ? Cause.PROTECTION_LOST : Cause.DEVICE_OFFLINE;
  }

  private static String condition(Watched watched) {
    return watched.device.id() + ":silent";
  }

  /** "smoke alarm", "gas detector": the kind as people say it. */
  static String label(DeviceKind kind) {
    return kind.yamlName().replace('_', ' ');
  }
}

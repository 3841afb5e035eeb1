package io.shouwang.gateway.health;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.Incident;
import io.shouwang.gateway.ingest.AcceptedMessage;
import io.shouwang.schemas.v1.Heartbeat;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each device was last heard and its last battery and signal report, for the pages. Whether a
 * device is offline, unprotected or low on battery is the alert engine's call (its open incidents),
 * so the board and the pager never disagree; the board only adds what the engine does not keep.
 * Updated on the ingest lanes (a map write per message), read by the API.
 */
public final class DeviceHealthBoard {

  /** The causes that describe a device's own health, most serious first. */
  static final List<Cause> HEALTH_CAUSES =
      List.of(Cause.PROTECTION_LOST, Cause.DEVICE_OFFLINE, Cause.TAMPER, Cause.LOW_BATTERY);
  private static final Set<Cause> HEALTH_CAUSE_SET = EnumSet.copyOf(HEALTH_CAUSES);

  /** What the board last heard from one device; battery and signal are null until reported. */
  public record Seen(Instant lastSeen, Integer batteryPercent, Integer signalDbm) {}

  /**
   * One device's latest report, written in place: after a device's first message, recording one
   * costs a map lookup and a few field writes, no allocation (it runs for every message on the
   * ingest lanes, the event lane included).
   */
  private static final class Latest {
    volatile Instant lastSeen;
    volatile Integer batteryPercent;
    volatile Integer signalDbm;
  }

  // Keys are registered device ids only (ingest passes accepted messages): bounded by the registry.
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();

  /** Called for every accepted message; never blocks. */
  public void record(AcceptedMessage message) {
    String deviceId = message.device().device().id();
    Latest device = latest.get(deviceId);
    if (device == null) {
      device = latest.computeIfAbsent(deviceId, id -> new Latest());
    }
    if (message.envelope().hasHeartbeat()) {
      Heartbeat hb = message.envelope().getHeartbeat();
      device.batteryPercent = hb.hasBatteryPercent() ? hb.getBatteryPercent() : null;
      device.signalDbm = hb.hasSignalDbm() ? hb.getSignalDbm() : null;
    }
    device.lastSeen = message.receivedAt();
  }

  public Optional<Seen> seen(String deviceId) {
    Latest device = latest.get(deviceId);
    if (device == null || device.lastSeen == null) {
      return Optional.empty();
    }
    return Optional.of(new Seen(device.lastSeen, device.batteryPercent, device.signalDbm));
  }

  /** The status names of API.md, from the engine's open incidents about devices. */
  public static Map<String, String> statusByDevice(List<Incident> openIncidents) {
    Map<String, Cause> worst = new HashMap<>();
    for (Incident incident : openIncidents) {
      if (incident.deviceId() == null || !HEALTH_CAUSE_SET.contains(incident.cause())) {
        continue;
      }
      worst.merge(incident.deviceId(), incident.cause(),
          (a, b) -> HEALTH_CAUSES.indexOf(a) <= HEALTH_CAUSES.indexOf(b) ? a : b);
    }
    Map<String, String> status = new HashMap<>();
    worst.forEach((device, cause) -> status.put(device, statusName(cause)));
    return status;
  }

  /** True when an incident of this cause says something about a device's health. */
  public static boolean isHealthCause(Cause cause) {
    return HEALTH_CAUSE_SET.contains(cause);
  }

  /** The status a device has while an incident of this cause is open. */
  public static String statusName(Cause cause) {
    return switch (cause) {
      case PROTECTION_LOST -> "protection_lost";
      case DEVICE_OFFLINE -> "offline";
      case TAMPER -> "tamper";
      case LOW_BATTERY -> "low_battery";
      default -> "ok";
    };
  }
}

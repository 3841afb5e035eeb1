package io.shouwang.sim.device;

import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.sim.registry.DeviceKind;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/** Heartbeats: a battery that drains slowly, a noisy signal, a firmware string, the uptime. */
public final class HeartbeatGenerator {

  private static final List<String> VERSIONS = List.of("2.4.1", "2.4.3", "2.5.0");

  private final RandomGenerator random;
  private final boolean mainsPowered;
  private final String firmware;
  private final double signalBase;
  private double batteryPercent;

  /** A device of a kind with its own random stream. */
  public HeartbeatGenerator(DeviceKind kind, RandomGenerator random) {
    this.random = random;
    this.mainsPowered = kind == DeviceKind.GAS_DETECTOR || kind == DeviceKind.GAS_VALVE;
    this.firmware = kind.idPrefix() + "-fw-" + VERSIONS.get(random.nextInt(VERSIONS.size()));
    this.signalBase = -85 + random.nextDouble() * 30;
    this.batteryPercent = 55 + random.nextDouble() * 45;
  }

  /** The next heartbeat; each one drains the battery a little. */
  public synchronized Heartbeat next(Duration uptime) {
    Heartbeat.Builder b =
        Heartbeat.newBuilder()
            .setFirmware(firmware)
            .setUptimeS(Math.max(0, uptime.toSeconds()))
            .setMainsPowered(mainsPowered)
            .setSignalDbm(
                (int)
                    Math.round(
                        VitalsGenerator.clamp(signalBase + random.nextGaussian() * 4, -110, -30)));
    if (!mainsPowered) {
      batteryPercent = Math.max(1, batteryPercent - random.nextDouble() * 0.004);
      int percent = (int) Math.round(batteryPercent);
      b.setBatteryPercent(percent).setBatteryMv(2400 + percent * 6);
    }
    return b.build();
  }
}

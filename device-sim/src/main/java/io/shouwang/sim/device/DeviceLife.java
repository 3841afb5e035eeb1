package io.shouwang.sim.device;

import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.Motion;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The everyday messages of one device: heartbeats, and the periodic telemetry of its kind (motion
 * counts, vitals, smoke level, gas %LEL, valve state). Nothing here raises an alert.
 */
public final class DeviceLife {

  private final SimDevice device;
  private final HeartbeatGenerator heartbeats;
  private final VitalsGenerator vitals;
  private final RandomGenerator sensor;
  private volatile GasValve.State valveState = GasValve.State.OPEN;

  /** The background life of a device. */
  public DeviceLife(SimDevice device) {
    this.device = device;
    this.heartbeats = new HeartbeatGenerator(device.spec().kind(), device.stream("heartbeat"));
    this.vitals = new VitalsGenerator(device.stream("vitals"));
    this.sensor = device.stream("sensor");
  }

  /** The device this life belongs to. */
  public SimDevice device() {
    return device;
  }

  /** The vitals generator (health monitors). */
  public VitalsGenerator vitals() {
    return vitals;
  }

  /** The device's local time of day. */
  public LocalTime localTime() {
    return LocalTime.now(device.clock());
  }

  /** The next heartbeat. */
  public Envelope.Builder heartbeat() {
    return Envelope.newBuilder().setHeartbeat(heartbeats.next(device.uptime()));
  }

  /** The kind's periodic telemetry covering the last interval, if the kind has one. */
  public synchronized Optional<Envelope.Builder> periodic(Duration interval) {
    LocalTime now = localTime();
    return switch (device.spec().kind()) {
      case MOTION_SENSOR -> Optional.of(motion(now, interval));
      case HEALTH_MONITOR -> Optional.of(Payloads.health(vitals.normal(now)));
      case SMOKE_ALARM ->
          Optional.of(
              Payloads.smoke(
                  SmokeAlarm.Event.LEVEL_REPORT,
                  VitalsGenerator.round(Math.abs(sensor.nextGaussian() * 0.05), 2)));
      case GAS_DETECTOR ->
          Optional.of(
              Payloads.gas(
                  GasDetector.Alarm.NORMAL,
                  VitalsGenerator.round(
                      VitalsGenerator.clamp(0.3 + sensor.nextGaussian() * 0.3, 0, 3), 1)));
      case GAS_VALVE -> Optional.of(Payloads.valve(valveState, "", ""));
      default -> Optional.empty();
    };
  }

  /** The valve's current state (gas valves only). */
  public GasValve.State valveState() {
    return valveState;
  }

  /** Records the valve's new state, reported in later periodic telemetry. */
  public void valveState(GasValve.State state) {
    valveState = state;
  }

  /** A random draw for scheduling decisions (jitter, door timing), from the device's own stream. */
  public synchronized double nextUniform() {
    return sensor.nextDouble();
  }

  private Envelope.Builder motion(LocalTime now, Duration interval) {
    long seconds = Math.max(1, Math.min(86_400, interval.toSeconds()));
    double perMinute = 0.2 + 10 * DailyRhythm.activity(now);
    int count = poisson(sensor, perMinute * seconds / 60.0);
    return Envelope.newBuilder()
        .setMotion(Motion.newBuilder().setCount(count).setIntervalS((int) seconds));
  }

  /** A Poisson draw; a normal approximation above 30 keeps it cheap. */
  static int poisson(RandomGenerator random, double lambda) {
    if (lambda > 30) {
      return (int) Math.max(0, Math.round(lambda + random.nextGaussian() * Math.sqrt(lambda)));
    }
    double limit = Math.exp(-lambda);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }
}

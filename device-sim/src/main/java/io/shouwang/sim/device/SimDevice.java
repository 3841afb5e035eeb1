package io.shouwang.sim.device;

import com.google.protobuf.Timestamp;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.sim.registry.DeviceSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A simulated device's identity and boot state: it stamps every message with its id, a seq that
 * starts at 1 on each boot and grows across all classes, its boot id and its clock's time.
 */
public final class SimDevice {

  private final DeviceSpec spec;
  private final Clock clock;
  private final long seed;
  private final int telemetryQos;
  private final RandomGenerator bootIds;
  private int bootId;
  private long seq;
  private Instant bootedAt;

  /** A freshly booted device; the seed and the id decide every random choice it makes. */
  public SimDevice(DeviceSpec spec, Clock clock, long seed, int telemetryQos) {
    this.spec = spec;
    this.clock = clock;
    this.seed = seed;
    this.telemetryQos = telemetryQos;
    this.bootIds = stream("boot");
    reboot();
  }

  /** The registry entry. */
  public DeviceSpec spec() {
    return spec;
  }

  /** Shorthand for the device id. */
  public String id() {
    return spec.id();
  }

  /** The clock the device reads its time from. */
  public Clock clock() {
    return clock;
  }

  /**
   * An independent random stream for one purpose of this device, so that adding a device or a
   * purpose never shifts the values another one sees.
   */
  public RandomGenerator stream(String purpose) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h ^= spec.id().hashCode() * 0xC2B2AE3D27D4EB4FL;
    h ^= purpose.hashCode() * 0x165667B19E3779F9L;
    return new SplittableRandom(h);
  }

  /** Simulates a restart: a new boot id, and seq starts again at 1. */
  public synchronized void reboot() {
    bootId = 1 + bootIds.nextInt(Integer.MAX_VALUE);
    seq = 0;
    bootedAt = clock.instant();
  }

  /** The current boot id. */
  public synchronized int bootId() {
    return bootId;
  }

  /** The seq of the last message stamped (0 right after boot). */
  public synchronized long lastSeq() {
    return seq;
  }

  /** Time since the last boot. */
  public synchronized Duration uptime() {
    return Duration.between(bootedAt, clock.instant());
  }

  /** Stamps a payload with the next seq and encodes it for its class's topic. */
  public synchronized Outgoing next(MessageClass messageClass, Envelope.Builder payload) {
    seq++;
    Instant now = clock.instant();
    Envelope envelope =
        payload
            .setDeviceId(spec.id())
            .setSeq(seq)
            .setBootId(bootId)
            .setDeviceTime(timestamp(now))
            .build();
    return encode(messageClass, envelope);
  }

  /** Encodes an envelope as this device would publish it (used for duplicates and replays). */
  public Outgoing encode(MessageClass messageClass, Envelope envelope) {
    Topic topic = new Topic(messageClass, spec.id(), spec.encoding());
    int qos = messageClass == MessageClass.TELEMETRY ? telemetryQos : messageClass.qos();
    return new Outgoing(topic, qos, envelope, EnvelopeCodec.encode(envelope, spec.encoding()));
  }

  /** A protobuf timestamp for an instant. */
  public static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}

package io.shouwang.sim.device;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.EnvelopeCodec;
import io.shouwang.schemas.MessageClass;
import io.shouwang.schemas.Topic;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.sim.registry.DeviceKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The bad messages a gateway must survive: garbage, truncated protobuf, invalid JSON, oversized
 * payloads, impossible values, spoofed device ids, duplicate seqs, skewed clocks, unknown devices.
 */
public final class MalformedMessages {

  /** Each kind of bad message, produced in this order. */
  public enum Kind {
    GARBAGE_BYTES,
    TRUNCATED_PROTOBUF,
    INVALID_JSON,
    OVERSIZED,
    IMPOSSIBLE_VALUES,
    SPOOFED_DEVICE_ID,
    DUPLICATE_SEQ,
    CLOCK_SKEW,
    UNKNOWN_DEVICE
  }

  /** One bad message: publish {@code payload} to {@code topic} {@code copies} times. */
  public record Bad(
      Kind kind, String topic, byte[] payload, int qos, int copies, String description) {}

  private final List<SimDevice> household;
  private final SimDevice device;
  private final RandomGenerator random;
  private final int oversizeBytes;
  private int skews;

  /** Bad messages sent as the household's first device, drawing bytes from {@code random}. */
  public MalformedMessages(List<SimDevice> household, RandomGenerator random, int oversizeBytes) {
    if (household.isEmpty()) {
      throw new IllegalArgumentException("the household has no devices");
    }
    this.household = List.copyOf(household);
    this.device = household.get(0);
    this.random = random;
    this.oversizeBytes = oversizeBytes;
  }

  /** {@code count} bad messages, cycling through every kind. */
  public List<Bad> burst(int count) {
    Kind[] kinds = Kind.values();
    return IntStream.range(0, count).mapToObj(i -> next(kinds[i % kinds.length])).toList();
  }

  /** One bad message of a kind. */
  public Bad next(Kind kind) {
    String id = device.id();
    return switch (kind) {
      case GARBAGE_BYTES -> {
        byte[] bytes = new byte[16 + random.nextInt(240)];
        random.nextBytes(bytes);
        // Field number 0 is never valid, so the bytes cannot parse as protobuf by chance.
        bytes[0] = 0x07;
        yield bad(
            kind,
            topic(MessageClass.TELEMETRY, id, Encoding.PROTOBUF),
            bytes,
            1,
            bytes.length + " random bytes");
      }
      case TRUNCATED_PROTOBUF -> {
        byte[] whole = heartbeat(device).toByteArray();
        yield bad(
            kind,
            topic(MessageClass.TELEMETRY, id, Encoding.PROTOBUF),
            Arrays.copyOf(whole, whole.length / 2),
            1,
            "first half of a " + whole.length + "-byte envelope");
      }
      case INVALID_JSON ->
          bad(
              kind,
              topic(MessageClass.TELEMETRY, id, Encoding.JSON),
              ("{\"deviceId\":\"" + id + "\",\"seq\":\"1\",\"heartbeat\":{\"firmware\":")
                  .getBytes(StandardCharsets.UTF_8),
              1,
              "unterminated JSON");
      case OVERSIZED -> {
        Envelope big =
            device
                .next(
                    MessageClass.TELEMETRY,
                    Envelope.newBuilder()
                        .setHeartbeat(
                            Heartbeat.newBuilder().setFirmware("X".repeat(oversizeBytes))))
                .envelope();
        yield bad(
            kind,
            topic(MessageClass.TELEMETRY, id, Encoding.PROTOBUF),
            big.toByteArray(),
            1,
            "heartbeat with a " + oversizeBytes + "-byte firmware string");
      }
      case IMPOSSIBLE_VALUES -> impossible();
      case SPOOFED_DEVICE_ID -> {
        String victim = household.size() > 1 ? household.get(1).id() : "btn-9999";
        Envelope spoof =
            device
                .next(MessageClass.EVENT, Payloads.button(EmergencyButton.Action.PRESS))
                .envelope()
                .toBuilder()
                .setDeviceId(victim)
                .build();
        yield bad(
            kind,
            topic(MessageClass.EVENT, id, device.spec().encoding()),
            EnvelopeCodec.encode(spoof, device.spec().encoding()),
            1,
            "press claiming to be " + victim + " on " + id + "'s topic");
      }
      case DUPLICATE_SEQ -> {
        Outgoing out =
            device.next(
                MessageClass.TELEMETRY,
                Envelope.newBuilder().setHeartbeat(Heartbeat.newBuilder().setFirmware("dup")));
        yield new Bad(
            kind,
            out.topic().path(),
            out.payload(),
            out.qos(),
            2,
            "seq " + out.envelope().getSeq() + " sent twice");
      }
      case CLOCK_SKEW -> {
        Duration skew = Duration.ofDays(++skews % 2 == 1 ? -2 : 2);
        Outgoing out =
            device.next(
                MessageClass.TELEMETRY,
                Envelope.newBuilder().setHeartbeat(Heartbeat.newBuilder().setFirmware("skew")));
        Envelope skewed =
            out.envelope().toBuilder()
                .setDeviceTime(SimDevice.timestamp(device.clock().instant().plus(skew)))
                .build();
        yield bad(
            kind,
            out.topic().path(),
            EnvelopeCodec.encode(skewed, device.spec().encoding()),
            1,
            "device time " + (skew.isNegative() ? "2 days behind" : "2 days ahead"));
      }
      case UNKNOWN_DEVICE -> {
        String ghost = String.format("ghost-%04d", random.nextInt(10_000));
        Envelope env = heartbeat(device).toBuilder().setDeviceId(ghost).setSeq(1).build();
        yield bad(
            kind,
            topic(MessageClass.TELEMETRY, ghost, Encoding.PROTOBUF),
            env.toByteArray(),
            1,
            "heartbeat from unregistered " + ghost);
      }
    };
  }

  private Bad impossible() {
    SimDevice hm = find(DeviceKind.HEALTH_MONITOR);
    if (hm != null) {
      Outgoing out =
          hm.next(
              MessageClass.TELEMETRY,
              Payloads.health(
                  HealthReading.newBuilder()
                      .setSpo2Percent(120)
                      .setHeartRateBpm(-5)
                      .setQuality(HealthReading.Quality.GOOD)
                      .build()));
      return bad(
          Kind.IMPOSSIBLE_VALUES,
          out.topic().path(),
          out.payload(),
          1,
          hm.id() + " SpO2 120, heart rate -5");
    }
    SimDevice gas = find(DeviceKind.GAS_DETECTOR);
    if (gas != null) {
      Outgoing out = gas.next(MessageClass.TELEMETRY, Payloads.gas(GasDetector.Alarm.NORMAL, 250));
      return bad(
          Kind.IMPOSSIBLE_VALUES, out.topic().path(), out.payload(), 1, gas.id() + " 250 %LEL");
    }
    Outgoing out =
        device.next(
            MessageClass.TELEMETRY,
            Envelope.newBuilder()
                .setHeartbeat(
                    Heartbeat.newBuilder()
                        .setBatteryPercent(250)
                        .setSignalDbm(40)
                        .setFirmware("x")));
    return bad(
        Kind.IMPOSSIBLE_VALUES,
        out.topic().path(),
        out.payload(),
        1,
        device.id() + " battery 250 %, signal +40 dBm");
  }

  private SimDevice find(DeviceKind kind) {
    return household.stream().filter(d -> d.spec().kind() == kind).findFirst().orElse(null);
  }

  private static Envelope heartbeat(SimDevice device) {
    return device
        .next(
            MessageClass.TELEMETRY,
            Envelope.newBuilder()
                .setHeartbeat(Heartbeat.newBuilder().setFirmware("fw").setUptimeS(1)))
        .envelope();
  }

  private static String topic(MessageClass messageClass, String deviceId, Encoding encoding) {
    return new Topic(messageClass, deviceId, encoding).path();
  }

  private static Bad bad(Kind kind, String topic, byte[] payload, int qos, String description) {
    return new Bad(kind, topic, payload, qos, 1, description);
  }
}

package io.shouwang.alerting.testing;

import com.google.protobuf.Timestamp;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.schemas.v1.Motion;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.time.Instant;

/** Device messages as the gateway hands them to the engine. */
public final class Messages {

  private Messages() {}

  public static DeviceMessage press(Registry registry, String deviceId, long seq, Instant at) {
    return message(registry, envelope(deviceId, seq, at)
        .setEmergencyButton(EmergencyButton.newBuilder().setAction(EmergencyButton.Action.PRESS))
        .build(), at);
  }

  public static DeviceMessage cancel(Registry registry, String deviceId, long seq, Instant at) {
    return message(registry, envelope(deviceId, seq, at)
        .setEmergencyButton(EmergencyButton.newBuilder().setAction(EmergencyButton.Action.CANCEL))
        .build(), at);
  }

  public static DeviceMessage smoke(Registry registry, String deviceId, long seq, Instant at) {
    return message(registry, envelope(deviceId, seq, at)
        .setSmokeAlarm(SmokeAlarm.newBuilder().setEvent(SmokeAlarm.Event.ALARM)).build(), at);
  }

  public static DeviceMessage heartbeat(Registry registry, String deviceId, long seq,
      Instant at) {
    return message(registry, envelope(deviceId, seq, at)
        .setHeartbeat(Heartbeat.newBuilder().setFirmware("1.0").setUptimeS(seq)).build(), at);
  }

  /** A motion sensor's count over the last minute. */
  public static DeviceMessage motion(Registry registry, String deviceId, long seq, Instant at,
      int count) {
    return message(registry, envelope(deviceId, seq, at)
        .setMotion(Motion.newBuilder().setCount(count).setIntervalS(60)).build(), at);
  }

  /** A health monitor's SpO2 reading of good quality. */
  public static DeviceMessage spo2(Registry registry, String deviceId, long seq, Instant at,
      float percent) {
    return message(registry, envelope(deviceId, seq, at)
        .setHealth(HealthReading.newBuilder().setSpo2Percent(percent)
            .setQuality(HealthReading.Quality.GOOD))
        .build(), at);
  }

  /** A gas detector's reading: in alarm or normal, with its level. */
  public static DeviceMessage gas(Registry registry, String deviceId, long seq, Instant at,
      boolean alarm, float lelPercent) {
    GasDetector.Alarm state = alarm ? GasDetector.Alarm.ALARM : GasDetector.Alarm.NORMAL;
    return message(registry, envelope(deviceId, seq, at)
        .setGasDetector(GasDetector.newBuilder().setAlarm(state).setLelPercent(lelPercent))
        .build(), at);
  }

  /** A gas valve reporting CLOSED after the command {@code commandId}. */
  public static DeviceMessage valveClosed(Registry registry, String deviceId, long seq,
      Instant at, String commandId) {
    return message(registry, envelope(deviceId, seq, at)
        .setGasValve(GasValve.newBuilder().setState(GasValve.State.CLOSED)
            .setCommandId(commandId))
        .build(), at);
  }

  private static Envelope.Builder envelope(String deviceId, long seq, Instant at) {
    return Envelope.newBuilder().setDeviceId(deviceId).setSeq(seq).setBootId(1)
        .setDeviceTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()));
  }

  private static DeviceMessage message(Registry registry, Envelope envelope, Instant at) {
    return new DeviceMessage(envelope, registry.device(envelope.getDeviceId()).orElseThrow(),
        at, at);
  }
}

package io.shouwang.gateway.testing;

import com.google.protobuf.Timestamp;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.time.Instant;

/** Builders for valid envelopes; tests change one thing to make them invalid. */
public final class Envelopes {

  private Envelopes() {}

  public static Envelope.Builder base(String deviceId, long seq, Instant deviceTime) {
    return Envelope.newBuilder()
        .setDeviceId(deviceId)
        .setSeq(seq)
        .setBootId(1)
        .setDeviceTime(Timestamp.newBuilder()
            .setSeconds(deviceTime.getEpochSecond()).setNanos(deviceTime.getNano()));
  }

  public static Envelope press(String deviceId, long seq, Instant at) {
    return base(deviceId, seq, at)
        .setEmergencyButton(EmergencyButton.newBuilder().setAction(EmergencyButton.Action.PRESS))
        .build();
  }

  public static Envelope heartbeat(String deviceId, long seq, Instant at) {
    return base(deviceId, seq, at)
        .setHeartbeat(Heartbeat.newBuilder().setBatteryPercent(80).setSignalDbm(-70)
            .setFirmware("1.2.3").setUptimeS(3600))
        .build();
  }

  public static Envelope smokeAlarm(String deviceId, long seq, Instant at) {
    return base(deviceId, seq, at)
        .setSmokeAlarm(SmokeAlarm.newBuilder().setEvent(SmokeAlarm.Event.ALARM)
            .setObscurationPctPerM(12.5f))
        .build();
  }

  public static Envelope gasAlarm(String deviceId, long seq, Instant at, float lelPercent) {
    return base(deviceId, seq, at)
        .setGasDetector(GasDetector.newBuilder().setAlarm(GasDetector.Alarm.ALARM)
            .setLelPercent(lelPercent))
        .build();
  }

  public static Envelope vitals(String deviceId, long seq, Instant at, float heartRate, float spo2) {
    return base(deviceId, seq, at)
        .setHealth(HealthReading.newBuilder().setHeartRateBpm(heartRate).setSpo2Percent(spo2)
            .setQuality(HealthReading.Quality.GOOD))
        .build();
  }
}

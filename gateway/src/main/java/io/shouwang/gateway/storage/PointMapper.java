package io.shouwang.gateway.storage;

import static io.shouwang.gateway.storage.TimeSeriesSchema.ACTION;
import static io.shouwang.gateway.storage.TimeSeriesSchema.ALARM;
import static io.shouwang.gateway.storage.TimeSeriesSchema.BATTERY_MV;
import static io.shouwang.gateway.storage.TimeSeriesSchema.BATTERY_PERCENT;
import static io.shouwang.gateway.storage.TimeSeriesSchema.COMMAND_ID;
import static io.shouwang.gateway.storage.TimeSeriesSchema.COUNT;
import static io.shouwang.gateway.storage.TimeSeriesSchema.DETAIL;
import static io.shouwang.gateway.storage.TimeSeriesSchema.DIASTOLIC;
import static io.shouwang.gateway.storage.TimeSeriesSchema.ECG_RHYTHM;
import static io.shouwang.gateway.storage.TimeSeriesSchema.EVENT;
import static io.shouwang.gateway.storage.TimeSeriesSchema.FAULT;
import static io.shouwang.gateway.storage.TimeSeriesSchema.FIRMWARE;
import static io.shouwang.gateway.storage.TimeSeriesSchema.FORCED;
import static io.shouwang.gateway.storage.TimeSeriesSchema.GLUCOSE;
import static io.shouwang.gateway.storage.TimeSeriesSchema.HEART_RATE;
import static io.shouwang.gateway.storage.TimeSeriesSchema.INTERVAL_S;
import static io.shouwang.gateway.storage.TimeSeriesSchema.LEL_PERCENT;
import static io.shouwang.gateway.storage.TimeSeriesSchema.MAINS_POWERED;
import static io.shouwang.gateway.storage.TimeSeriesSchema.OBSCURATION;
import static io.shouwang.gateway.storage.TimeSeriesSchema.QUALITY;
import static io.shouwang.gateway.storage.TimeSeriesSchema.SERVICE_CODE;
import static io.shouwang.gateway.storage.TimeSeriesSchema.SIGNAL_DBM;
import static io.shouwang.gateway.storage.TimeSeriesSchema.SPO2;
import static io.shouwang.gateway.storage.TimeSeriesSchema.STATE;
import static io.shouwang.gateway.storage.TimeSeriesSchema.STATUS;
import static io.shouwang.gateway.storage.TimeSeriesSchema.SYSTOLIC;
import static io.shouwang.gateway.storage.TimeSeriesSchema.TAMPER;
import static io.shouwang.gateway.storage.TimeSeriesSchema.UPTIME_S;

import io.shouwang.gateway.storage.TimeSeriesSchema.Measurement;
import io.shouwang.schemas.v1.CommandResult;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.schemas.v1.Motion;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps one decoded device envelope to its line-protocol line (empty when the payload stores
 * nothing).
 *
 * <p>Numbers are always float fields and seq/boot_id always integer fields, so no field ever
 * changes type (InfluxDB and QuestDB refuse a whole request when one does). Absent optional
 * readings, zero enum values and empty strings are left out rather than stored as 0 or "".
 */
public final class PointMapper {

  private PointMapper() {}

  /** The line for the envelope's payload at the given time (the receive time when clock-skewed). */
  public static Optional<String> toLine(
      Envelope envelope, DeviceTags tags, Instant timestamp, boolean clockSkewed) {
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(timestamp, "timestamp");
    LineBuilder line =
        switch (envelope.getPayloadCase()) {
          case HEARTBEAT -> heartbeat(envelope.getHeartbeat(), tags);
          case EMERGENCY_BUTTON -> new LineBuilder(Measurement.EMERGENCY_BUTTON, tags)
              .state(ACTION, envelope.getEmergencyButton().getAction());
          case SERVICE_BUTTON -> new LineBuilder(Measurement.SERVICE_BUTTON, tags)
              .string(SERVICE_CODE, envelope.getServiceButton().getServiceCode());
          case SMOKE_ALARM -> smokeAlarm(envelope.getSmokeAlarm(), tags);
          case GAS_DETECTOR -> gasDetector(envelope.getGasDetector(), tags);
          case GAS_VALVE -> gasValve(envelope.getGasValve(), tags);
          case DOOR_CONTACT -> doorContact(envelope.getDoorContact(), tags);
          case MOTION -> motion(envelope.getMotion(), tags);
          case HEALTH -> health(envelope.getHealth(), tags);
          case COMMAND_RESULT -> commandResult(envelope.getCommandResult(), tags);
          case PAYLOAD_NOT_SET -> null;
        };
    if (line == null) {
      return Optional.empty();
    }
    return Optional.of(
        line.finish(envelope.getSeq(), envelope.getBootId(), clockSkewed, timestamp));
  }

  private static LineBuilder heartbeat(Heartbeat h, DeviceTags tags) {
    LineBuilder line = new LineBuilder(Measurement.HEARTBEAT, tags);
    if (h.hasBatteryPercent()) {
      line.unsignedNumber(BATTERY_PERCENT, h.getBatteryPercent());
    }
    if (h.hasBatteryMv()) {
      line.unsignedNumber(BATTERY_MV, h.getBatteryMv());
    }
    if (h.hasSignalDbm()) {
      line.signedNumber(SIGNAL_DBM, h.getSignalDbm());
    }
    return line.string(FIRMWARE, h.getFirmware())
        .unsignedNumber(UPTIME_S, h.getUptimeS())
        .bool(MAINS_POWERED, h.getMainsPowered());
  }

  private static LineBuilder smokeAlarm(SmokeAlarm s, DeviceTags tags) {
    LineBuilder line = new LineBuilder(Measurement.SMOKE_ALARM, tags).state(EVENT, s.getEvent());
    if (s.hasObscurationPctPerM()) {
      line.number(OBSCURATION, s.getObscurationPctPerM());
    }
    return line;
  }

  private static LineBuilder gasDetector(GasDetector g, DeviceTags tags) {
    return new LineBuilder(Measurement.GAS_DETECTOR, tags)
        .state(ALARM, g.getAlarm())
        .number(LEL_PERCENT, g.getLelPercent());
  }

  private static LineBuilder gasValve(GasValve v, DeviceTags tags) {
    return new LineBuilder(Measurement.GAS_VALVE, tags)
        .state(STATE, v.getState())
        .string(COMMAND_ID, v.getCommandId())
        .string(FAULT, v.getFault());
  }

  private static LineBuilder doorContact(DoorContact d, DeviceTags tags) {
    return new LineBuilder(Measurement.DOOR_CONTACT, tags)
        .state(STATE, d.getState())
        .bool(FORCED, d.getForced())
        .bool(TAMPER, d.getTamper());
  }

  private static LineBuilder motion(Motion m, DeviceTags tags) {
    return new LineBuilder(Measurement.MOTION, tags)
        .unsignedNumber(COUNT, m.getCount())
        .unsignedNumber(INTERVAL_S, m.getIntervalS());
  }

  private static LineBuilder health(HealthReading h, DeviceTags tags) {
    LineBuilder line = new LineBuilder(Measurement.HEALTH, tags);
    if (h.hasHeartRateBpm()) {
      line.number(HEART_RATE, h.getHeartRateBpm());
    }
    if (h.hasSpo2Percent()) {
      line.number(SPO2, h.getSpo2Percent());
    }
    if (h.hasSystolicMmhg()) {
      line.number(SYSTOLIC, h.getSystolicMmhg());
    }
    if (h.hasDiastolicMmhg()) {
      line.number(DIASTOLIC, h.getDiastolicMmhg());
    }
    if (h.hasGlucoseMmolL()) {
      line.number(GLUCOSE, h.getGlucoseMmolL());
    }
    return line.state(ECG_RHYTHM, h.getEcgRhythm()).state(QUALITY, h.getQuality());
  }

  private static LineBuilder commandResult(CommandResult r, DeviceTags tags) {
    return new LineBuilder(Measurement.COMMAND_RESULT, tags)
        .string(COMMAND_ID, r.getCommandId())
        .state(STATUS, r.getStatus())
        .string(DETAIL, r.getDetail());
  }
}

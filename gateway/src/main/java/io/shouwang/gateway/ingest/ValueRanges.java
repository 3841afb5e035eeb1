package io.shouwang.gateway.ingest;

import io.shouwang.schemas.v1.CommandResult;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.schemas.v1.EmergencyButton;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import io.shouwang.schemas.v1.HealthReading;
import io.shouwang.schemas.v1.Heartbeat;
import io.shouwang.schemas.v1.Motion;
import io.shouwang.schemas.v1.ServiceButton;
import io.shouwang.schemas.v1.SmokeAlarm;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Physically possible values per payload. The bounds are wide on purpose: a heart rate of 25 is an
 * emergency, not a sensor fault, so only values no body or sensor can produce are refused. The
 * problem text names the field and the bound, never the value (it may be a health value).
 */
final class ValueRanges {

  private static final Pattern SERVICE_CODE = Pattern.compile("[A-Z0-9_]{1,32}");

  private ValueRanges() {}

  /** The first impossible value in the payload, if any. */
  static Optional<String> problem(Envelope envelope) {
    return Optional.ofNullable(
        switch (envelope.getPayloadCase()) {
          case HEARTBEAT -> heartbeat(envelope.getHeartbeat());
          case EMERGENCY_BUTTON -> emergencyButton(envelope.getEmergencyButton());
          case SERVICE_BUTTON -> serviceButton(envelope.getServiceButton());
          case SMOKE_ALARM -> smokeAlarm(envelope.getSmokeAlarm());
          case GAS_DETECTOR -> gasDetector(envelope.getGasDetector());
          case GAS_VALVE -> gasValve(envelope.getGasValve());
          case DOOR_CONTACT -> doorContact(envelope.getDoorContact());
          case MOTION -> motion(envelope.getMotion());
          case HEALTH -> health(envelope.getHealth());
          case COMMAND_RESULT -> commandResult(envelope.getCommandResult());
          case PAYLOAD_NOT_SET -> "payload not set";
        });
  }

  private static String heartbeat(Heartbeat h) {
    if (h.hasBatteryPercent() && h.getBatteryPercent() > 100) {
      return "battery_percent above 100";
    }
    if (h.hasBatteryMv() && h.getBatteryMv() > 60_000) {
      return "battery_mv above 60000";
    }
    if (h.hasSignalDbm() && (h.getSignalDbm() < -150 || h.getSignalDbm() > 0)) {
      return "signal_dbm outside -150..0";
    }
    return null;
  }

  private static String emergencyButton(EmergencyButton b) {
    return b.getAction() == EmergencyButton.Action.ACTION_UNSPECIFIED
            || b.getAction() == EmergencyButton.Action.UNRECOGNIZED
        ? "action not set"
        : null;
  }

  private static String serviceButton(ServiceButton s) {
    return SERVICE_CODE.matcher(s.getServiceCode()).matches()
        ? null
        : "service_code must be 1-32 of A-Z, 0-9, _";
  }

  private static String smokeAlarm(SmokeAlarm s) {
    if (s.getEvent() == SmokeAlarm.Event.EVENT_UNSPECIFIED
        || s.getEvent() == SmokeAlarm.Event.UNRECOGNIZED) {
      return "event not set";
    }
    if (s.hasObscurationPctPerM() && !within(s.getObscurationPctPerM(), 0, 100)) {
      return "obscuration_pct_per_m outside 0..100";
    }
    return null;
  }

  private static String gasDetector(GasDetector g) {
    if (g.getAlarm() == GasDetector.Alarm.ALARM_UNSPECIFIED
        || g.getAlarm() == GasDetector.Alarm.UNRECOGNIZED) {
      return "alarm not set";
    }
    return within(g.getLelPercent(), 0, 100) ? null : "lel_percent outside 0..100";
  }

  private static String gasValve(GasValve v) {
    return v.getState() == GasValve.State.STATE_UNSPECIFIED
            || v.getState() == GasValve.State.UNRECOGNIZED
        ? "state not set"
        : null;
  }

  private static String doorContact(DoorContact d) {
    return d.getState() == DoorContact.State.STATE_UNSPECIFIED
            || d.getState() == DoorContact.State.UNRECOGNIZED
        ? "state not set"
        : null;
  }

  private static String motion(Motion m) {
    if (m.getIntervalS() < 1 || m.getIntervalS() > 86_400) {
      return "interval_s outside 1..86400";
    }
    // A PIR cannot trigger more than a few times a second.
    return m.getCount() > 10L * m.getIntervalS() ? "count above 10 per second of interval" : null;
  }

  private static String health(HealthReading h) {
    if (h.hasHeartRateBpm() && !within(h.getHeartRateBpm(), 1, 300)) {
      return "heart_rate_bpm outside 1..300";
    }
    if (h.hasSpo2Percent() && !(within(h.getSpo2Percent(), 0, 100) && h.getSpo2Percent() > 0)) {
      return "spo2_percent outside (0, 100]";
    }
    if (h.hasSystolicMmhg() && !within(h.getSystolicMmhg(), 20, 300)) {
      return "systolic_mmhg outside 20..300";
    }
    if (h.hasDiastolicMmhg() && !within(h.getDiastolicMmhg(), 10, 250)) {
      return "diastolic_mmhg outside 10..250";
    }
    if (h.hasSystolicMmhg()
        && h.hasDiastolicMmhg()
        && h.getDiastolicMmhg() >= h.getSystolicMmhg()) {
      return "diastolic_mmhg not below systolic_mmhg";
    }
    if (h.hasGlucoseMmolL() && !(within(h.getGlucoseMmolL(), 0, 60) && h.getGlucoseMmolL() > 0)) {
      return "glucose_mmol_l outside (0, 60]";
    }
    if (!h.hasHeartRateBpm()
        && !h.hasSpo2Percent()
        && !h.hasSystolicMmhg()
        && !h.hasDiastolicMmhg()
        && !h.hasGlucoseMmolL()
        && h.getEcgRhythm() == HealthReading.EcgRhythm.ECG_RHYTHM_UNSPECIFIED) {
      return "no measurement in reading";
    }
    return null;
  }

  private static String commandResult(CommandResult r) {
    if (r.getCommandId().isEmpty()) {
      return "command_id not set";
    }
    return r.getStatus() == CommandResult.Status.STATUS_UNSPECIFIED
            || r.getStatus() == CommandResult.Status.UNRECOGNIZED
        ? "status not set"
        : null;
  }

  /** Inclusive range check that also refuses NaN and infinities. */
  private static boolean within(float value, float min, float max) {
    return value >= min && value <= max;
  }
}

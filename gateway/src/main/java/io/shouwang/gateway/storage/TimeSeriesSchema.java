package io.shouwang.gateway.storage;

import static io.shouwang.gateway.storage.TimeSeriesSchema.FieldType.BOOLEAN;
import static io.shouwang.gateway.storage.TimeSeriesSchema.FieldType.FLOAT;
import static io.shouwang.gateway.storage.TimeSeriesSchema.FieldType.INTEGER;
import static io.shouwang.gateway.storage.TimeSeriesSchema.FieldType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored schema: one measurement per payload kind, its tags and its typed fields.
 *
 * <p>{@link PointMapper} writes only fields declared here, and the embedded store creates its
 * tables from the same lists, so a field's type is decided once. TIME_SERIES.md documents it.
 */
public final class TimeSeriesSchema {

  /** How a field is written in line protocol; a field never changes type. */
  public enum FieldType {
    /** Every numeric reading: a 64-bit float, written without suffix. */
    FLOAT,
    /** Counters that identify a message (seq, boot_id): a 64-bit integer with the i suffix. */
    INTEGER,
    /** Enum states (lower-case names) and short codes. */
    STRING,
    BOOLEAN
  }

  /** One field of a measurement. */
  public record Field(String name, FieldType type) {}

  /** Tag keys in the order written (sorted, as InfluxDB prefers); identifiers only. */
  public static final List<String> TAG_KEYS =
      List.of("community", "device_id", "device_kind", "grid", "household");

  /** The tag that, with the timestamp, identifies a point for de-duplication. */
  public static final String DEVICE_ID_TAG = "device_id";

  static final Field BATTERY_PERCENT = new Field("battery_percent", FLOAT);
  static final Field BATTERY_MV = new Field("battery_mv", FLOAT);
  static final Field SIGNAL_DBM = new Field("signal_dbm", FLOAT);
  static final Field FIRMWARE = new Field("firmware", STRING);
  static final Field UPTIME_S = new Field("uptime_s", FLOAT);
  static final Field MAINS_POWERED = new Field("mains_powered", BOOLEAN);
  static final Field ACTION = new Field("action", STRING);
  static final Field SERVICE_CODE = new Field("service_code", STRING);
  static final Field EVENT = new Field("event", STRING);
  static final Field OBSCURATION = new Field("obscuration_pct_per_m", FLOAT);
  static final Field ALARM = new Field("alarm", STRING);
  static final Field LEL_PERCENT = new Field("lel_percent", FLOAT);
  static final Field STATE = new Field("state", STRING);
  static final Field COMMAND_ID = new Field("command_id", STRING);
  static final Field FAULT = new Field("fault", STRING);
  static final Field FORCED = new Field("forced", BOOLEAN);
  static final Field TAMPER = new Field("tamper", BOOLEAN);
  static final Field COUNT = new Field("count", FLOAT);
  static final Field INTERVAL_S = new Field("interval_s", FLOAT);
  static final Field HEART_RATE = new Field("heart_rate_bpm", FLOAT);
  static final Field SPO2 = new Field("spo2_percent", FLOAT);
  static final Field SYSTOLIC = new Field("systolic_mmhg", FLOAT);
  static final Field DIASTOLIC = new Field("diastolic_mmhg", FLOAT);
  static final Field GLUCOSE = new Field("glucose_mmol_l", FLOAT);
  static final Field ECG_RHYTHM = new Field("ecg_rhythm", STRING);
  static final Field QUALITY = new Field("quality", STRING);
  static final Field STATUS = new Field("status", STRING);
  static final Field DETAIL = new Field("detail", STRING);
  static final Field SEQ = new Field("seq", INTEGER);
  static final Field BOOT_ID = new Field("boot_id", INTEGER);
  static final Field CLOCK_SKEWED = new Field("clock_skewed", BOOLEAN);

  /** Fields every point carries (clock_skewed only when true). */
  static final List<Field> COMMON_FIELDS = List.of(SEQ, BOOT_ID, CLOCK_SKEWED);

  /** One measurement per envelope payload kind. */
  public enum Measurement {
    HEARTBEAT(
        "heartbeat", BATTERY_PERCENT, BATTERY_MV, SIGNAL_DBM, FIRMWARE, UPTIME_S, MAINS_POWERED),
    EMERGENCY_BUTTON("emergency_button", ACTION),
    SERVICE_BUTTON("service_button", SERVICE_CODE),
    SMOKE_ALARM("smoke_alarm", EVENT, OBSCURATION),
    GAS_DETECTOR("gas_detector", ALARM, LEL_PERCENT),
    GAS_VALVE("gas_valve", STATE, COMMAND_ID, FAULT),
    DOOR_CONTACT("door_contact", STATE, FORCED, TAMPER),
    MOTION("motion", COUNT, INTERVAL_S),
    HEALTH("health", HEART_RATE, SPO2, SYSTOLIC, DIASTOLIC, GLUCOSE, ECG_RHYTHM, QUALITY),
    COMMAND_RESULT("command_result", COMMAND_ID, STATUS, DETAIL);

    private final String measurementName;
    private final List<Field> fields;

    Measurement(String measurementName, Field... payloadFields) {
      this.measurementName = measurementName;
      List<Field> all = new ArrayList<>(List.of(payloadFields));
      all.addAll(COMMON_FIELDS);
      this.fields = List.copyOf(all);
    }

    /** The measurement (InfluxDB) or table (QuestDB) name. */
    public String measurementName() {
      return measurementName;
    }

    /** Payload fields first, then seq, boot_id and clock_skewed. */
    public List<Field> fields() {
      return fields;
    }
  }

  private TimeSeriesSchema() {}
}

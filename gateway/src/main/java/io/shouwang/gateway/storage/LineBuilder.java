package io.shouwang.gateway.storage;

import io.shouwang.gateway.storage.TimeSeriesSchema.Field;
import io.shouwang.gateway.storage.TimeSeriesSchema.FieldType;
import io.shouwang.gateway.storage.TimeSeriesSchema.Measurement;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Builds one line-protocol line by hand: one StringBuilder, no intermediate objects per field.
 *
 * <p>Escaping is the subset that InfluxDB 1.8/2.x/3.x and QuestDB all read the same way. They
 * disagree on backslashes in tags (QuestDB drops a lone one, InfluxDB keeps it), so a backslash in
 * a tag value becomes '/'; no line protocol accepts a raw newline in a tag, and QuestDB refuses one
 * in a string field, so control characters become spaces: a point never spans two lines.
 */
final class LineBuilder {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final StringBuilder sb = new StringBuilder(192);
  private boolean firstField = true;

  LineBuilder(Measurement measurement, DeviceTags tags) {
    sb.append(measurement.measurementName());
    // Same order as TimeSeriesSchema.TAG_KEYS.
    tag("community", tags.community());
    tag("device_id", tags.deviceId());
    tag("device_kind", tags.deviceKind());
    tag("grid", tags.grid());
    tag("household", tags.household());
    sb.append(' ');
  }

  /** A float field from a proto float in its shortest decimal form (36.6, not 36.59999847). */
  LineBuilder number(Field field, float value) {
    check(field, FieldType.FLOAT);
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      return this; // line protocol has no NaN or infinity: left out, like an absent reading
    }
    String text = Float.toString(value);
    if (text.indexOf('E') >= 0) {
      // Rare (|v| < 1e-3 or >= 1e7); plain digits read the same in every parser.
      text = new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
    key(field).append(text);
    if (text.indexOf('.') < 0) {
      sb.append(".0");
    }
    return this;
  }

  /** A float field from a proto uint32, written "87.0" so no reader can take it for an integer. */
  LineBuilder unsignedNumber(Field field, int value) {
    check(field, FieldType.FLOAT);
    key(field).append(Integer.toUnsignedLong(value)).append(".0");
    return this;
  }

  /** A float field from a proto uint64 (exact in text; a double keeps 53 bits of it). */
  LineBuilder unsignedNumber(Field field, long value) {
    check(field, FieldType.FLOAT);
    key(field).append(Long.toUnsignedString(value)).append(".0");
    return this;
  }

  /** A float field from a proto sint32. */
  LineBuilder signedNumber(Field field, int value) {
    check(field, FieldType.FLOAT);
    key(field).append(value).append(".0");
    return this;
  }

  LineBuilder bool(Field field, boolean value) {
    check(field, FieldType.BOOLEAN);
    key(field).append(value ? "true" : "false");
    return this;
  }

  /** A string field; empty strings are proto3's "not set" and are left out. */
  LineBuilder string(Field field, String value) {
    check(field, FieldType.STRING);
    if (value == null || value.isEmpty()) {
      return this;
    }
    key(field).append('"');
    appendStringContent(value);
    sb.append('"');
    return this;
  }

  /** An enum state as its lower-case name; the zero value (UNSPECIFIED) is left out. */
  LineBuilder state(Field field, Enum<?> value) {
    return string(field, EnumNames.lowerCase(value));
  }

  /** Ends the line with seq, boot_id, the skew flag and the timestamp in nanoseconds. */
  String finish(long seq, int bootId, boolean clockSkewed, Instant timestamp) {
    key(TimeSeriesSchema.SEQ).append(seq).append('i');
    key(TimeSeriesSchema.BOOT_ID).append(Integer.toUnsignedLong(bootId)).append('i');
    if (clockSkewed) {
      key(TimeSeriesSchema.CLOCK_SKEWED).append("true");
    }
    sb.append(' ').append(epochNanos(timestamp));
    return sb.toString();
  }

  static long epochNanos(Instant timestamp) {
    try {
      return Math.addExact(
          Math.multiplyExact(timestamp.getEpochSecond(), NANOS_PER_SECOND), timestamp.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("timestamp outside the nanosecond range: " + timestamp, e);
    }
  }

  private void tag(String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    sb.append(',').append(key).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '=' || c == ' ') {
        sb.append('\\').append(c);
      } else if (c == '\\') {
        sb.append('/');
      } else if (Character.isISOControl(c)) {
        sb.append("\\ ");
      } else {
        sb.append(c);
      }
    }
  }

  private void appendStringContent(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        sb.append(' ');
      } else {
        sb.append(c);
      }
    }
  }

  private StringBuilder key(Field field) {
    if (!firstField) {
      sb.append(',');
    }
    firstField = false;
    return sb.append(field.name()).append('=');
  }

  private static void check(Field field, FieldType expected) {
    if (field.type() != expected) {
      // A programming error: the schema and the mapper disagree on a type.
      throw new IllegalStateException(field.name() + " is " + field.type() + ", not " + expected);
    }
  }
}

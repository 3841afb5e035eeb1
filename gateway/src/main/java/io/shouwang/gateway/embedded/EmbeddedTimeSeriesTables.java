package io.shouwang.gateway.embedded;

import io.shouwang.gateway.storage.TimeSeriesSchema;
import io.shouwang.gateway.storage.TimeSeriesSchema.Field;
import io.shouwang.gateway.storage.TimeSeriesSchema.Measurement;

/**
 * QuestDB DDL derived from {@link TimeSeriesSchema}, so tables and line protocol never disagree.
 *
 * <p>Tables are created up front because QuestDB, unlike InfluxDB, appends a second row for a point
 * written twice: DEDUP UPSERT KEYS(timestamp, device_id) makes a replayed or redelivered point
 * overwrite itself, as it does in InfluxDB. Timestamps are TIMESTAMP_NS to keep the ns we send.
 */
final class EmbeddedTimeSeriesTables {

  static final String TIMESTAMP_COLUMN = "timestamp";

  private EmbeddedTimeSeriesTables() {}

  static String createTable(Measurement measurement) {
    StringBuilder sql =
        new StringBuilder("CREATE TABLE IF NOT EXISTS ")
            .append(quote(measurement.measurementName()))
            .append(" (");
    for (String tag : TimeSeriesSchema.TAG_KEYS) {
      sql.append(quote(tag)).append(" SYMBOL, ");
    }
    for (Field field : measurement.fields()) {
      sql.append(quote(field.name())).append(' ').append(columnType(field)).append(", ");
    }
    return sql.append(quote(TIMESTAMP_COLUMN))
        .append(" TIMESTAMP_NS) TIMESTAMP(")
        .append(quote(TIMESTAMP_COLUMN))
        .append(") PARTITION BY DAY WAL DEDUP UPSERT KEYS(")
        .append(quote(TIMESTAMP_COLUMN))
        .append(", ")
        .append(quote(TimeSeriesSchema.DEVICE_ID_TAG))
        .append(')')
        .toString();
  }

  /** The QuestDB column type that line protocol of the field's type lands in. */
  static String columnType(Field field) {
    return switch (field.type()) {
      case FLOAT -> "DOUBLE";
      case INTEGER -> "LONG";
      case STRING -> "VARCHAR";
      case BOOLEAN -> "BOOLEAN";
    };
  }

  private static String quote(String identifier) {
    return '"' + identifier + '"';
  }
}

package io.shouwang.gateway;

/** Reads identifiers back out of a line-protocol line, for dead-letter records. */
final class StoredLines {

  private static final String DEVICE_TAG = ",device_id=";

  private StoredLines() {}

  /** The device_id tag of a line, or "" when it has none. */
  static String deviceId(String line) {
    int start = line.indexOf(DEVICE_TAG);
    if (start < 0) {
      return "";
    }
    start += DEVICE_TAG.length();
    int end = start;
    // Device ids never contain escapes (Topic.isValidDeviceId), so the first ',' or ' ' ends it.
    while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != ' ') {
      end++;
    }
    return line.substring(start, end);
  }
}

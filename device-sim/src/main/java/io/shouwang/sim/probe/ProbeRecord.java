package io.shouwang.sim.probe;

/**
 * One probe alarm: who sent it and when, on the monotonic clock ({@link System#nanoTime()},
 * CLOCK_MONOTONIC on Linux, so other processes on the machine can compare their own readings).
 *
 * @param publishNanos just before the alarm was handed to the MQTT client
 * @param floorNanos when the plain subscriber received it, or -1 if it never did
 */
public record ProbeRecord(
    String deviceId, String householdId, long publishNanos, long floorNanos) {

  /** The broker hop in nanoseconds, or -1 when the subscriber never received the alarm. */
  public long hopNanos() {
    return floorNanos < 0 ? -1 : floorNanos - publishNanos;
  }

  /** One CSV line: device, household, publish ns, floor ns. */
  public String csv() {
    return deviceId + "," + householdId + "," + publishNanos + "," + floorNanos;
  }

  /** The CSV header matching {@link #csv()}. */
  public static String csvHeader() {
    return "device,household,publish_ns,floor_ns";
  }
}

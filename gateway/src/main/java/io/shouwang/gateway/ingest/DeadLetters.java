package io.shouwang.gateway.ingest;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A bounded record of refused messages and refused points, newest last, for operators to see
 * what a device sent and why it was refused. Holds a hex prefix of the payload, never all of it.
 */
public final class DeadLetters {

  static final int HEX_PREFIX_BYTES = 32;

  private final int capacity;
  private final ArrayDeque<Entry> entries;
  private long total;

  public DeadLetters(int capacity) {
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** One refused message or point. */
  public record Entry(
      Instant at, String deviceId, String topic, String reason, String detail, String hexPrefix) {}

  /** Records a refused MQTT message. */
  public void record(
      Instant at, String deviceId, String topic, String reason, String detail, byte[] payload) {
    int n = Math.min(payload.length, HEX_PREFIX_BYTES);
    String hex = HexFormat.of().formatHex(payload, 0, n) + (payload.length > n ? "…" : "");
    add(new Entry(at, deviceId, topic, reason, detail, hex));
  }

  /** Records a point the time-series store refused as bad data. */
  public void recordPoint(Instant at, String deviceId, String reason) {
    add(new Entry(at, deviceId, "", "store_rejected", reason, ""));
  }

  /** The newest entries, newest last, at most {@code limit}. */
  public synchronized List<Entry> latest(int limit) {
    List<Entry> all = new ArrayList<>(entries);
    return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
  }

  /** How many entries were ever recorded, including those no longer held. */
  public synchronized long total() {
    return total;
  }

  private synchronized void add(Entry entry) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(entry);
    total++;
  }
}

package io.shouwang.gateway.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * Recognises repeated (device, boot, sequence) triples with a sliding window per device, as IPsec
 * anti-replay does: sequence numbers within the window are remembered in a bitmap; older ones are
 * treated as duplicates. Confined to one lane: not thread-safe.
 */
final class DuplicateFilter {

  private final int window;
  private final Map<String, DeviceWindow> devices = new HashMap<>();

  DuplicateFilter(int window) {
    this.window = window;
  }

  /** Records the triple and returns true if it was new. */
  boolean firstSeen(String deviceId, int bootId, long seq) {
    DeviceWindow w = devices.get(deviceId);
    if (w == null || w.bootId != bootId) {
      // A new boot restarts the sequence; the old boot's window no longer matters.
      w = new DeviceWindow(bootId, window);
      devices.put(deviceId, w);
    }
    return w.mark(seq);
  }

  /** Forgets a triple whose processing failed, so its redelivery is processed again. */
  void forget(String deviceId, int bootId, long seq) {
    DeviceWindow w = devices.get(deviceId);
    if (w != null && w.bootId == bootId) {
      w.clear(seq);
    }
  }

  /** Number of devices tracked. */
  int size() {
    return devices.size();
  }

  private static final class DeviceWindow {
    final int bootId;
    final long[] bits;
    final int size;
    long highest;

    DeviceWindow(int bootId, int size) {
      this.bootId = bootId;
      this.size = size;
      this.bits = new long[(size + 63) / 64];
    }

    boolean mark(long seq) {
      if (seq > highest) {
        advanceTo(seq);
        setSlot(seq);
        return true;
      }
      if (highest - seq >= size || isSet(seq)) {
        return false;
      }
      setSlot(seq);
      return true;
    }

    void clear(long seq) {
      if (seq <= highest && highest - seq < size) {
        clearSlot(seq);
      }
    }

    /** Moves the window up; slots reused for the newer numbers start empty. */
    private void advanceTo(long seq) {
      if (seq - highest >= size) {
        java.util.Arrays.fill(bits, 0L);
      } else {
        for (long s = highest + 1; s <= seq; s++) {
          clearSlot(s);
        }
      }
      highest = seq;
    }

    private int slot(long seq) {
      return (int) Math.floorMod(seq, (long) size);
    }

    private void clearSlot(long seq) {
      int slot = slot(seq);
      bits[slot >>> 6] &= ~(1L << (slot & 63));
    }

    private void setSlot(long seq) {
      int slot = slot(seq);
      bits[slot >>> 6] |= 1L << (slot & 63);
    }

    private boolean isSet(long seq) {
      int slot = slot(seq);
      return (bits[slot >>> 6] & (1L << (slot & 63))) != 0;
    }
  }
}

package io.shouwang.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers when each device was last heard (receive time), for the {@link StateSaver} to save the
 * devices heard since its last save. A restart counts silence from what was saved (RULES.md,
 * Supervision). Engine thread only.
 */
final class LastSeenTracker {

  /** One device: its latest receive time and whether that is newer than the last save. */
  private static final class Seen {
    final String deviceId;
    Instant at;
    boolean dirty;

    Seen(String deviceId, Instant at) {
      this.deviceId = deviceId;
      this.at = at;
    }
  }

  private final Map<String, Seen> devices = new HashMap<>();
  private final List<Seen> dirty = new ArrayList<>();

  /** Notes a message; allocates nothing once the device is known, as every message comes here. */
  void heard(String deviceId, Instant receivedAt) {
    Seen seen = devices.get(deviceId);
    if (seen == null) {
      seen = new Seen(deviceId, receivedAt);
      devices.put(deviceId, seen);
    } else if (receivedAt.isAfter(seen.at)) {
      seen.at = receivedAt;
    } else {
      return;
    }
    if (!seen.dirty) {
      seen.dirty = true;
      dirty.add(seen);
    }
  }

  /** Puts every device heard since the last call into {@code into}, with its latest time. */
  void takeChanges(Map<String, Instant> into) {
    for (Seen seen : dirty) {
      into.put(seen.deviceId, seen.at);
      seen.dirty = false;
    }
    dirty.clear();
  }
}

package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What currently keeps each household's (household, cause) abnormal: e.g. two smoke alarms in
 * alarm, or one silent button and one failed self-test for PROTECTION_LOST.
 *
 * <p>An incident is per household and cause, but many devices feed it; CLEARED must mean the whole
 * household is back to normal, not just the device that spoke last. Rules that share a cause share
 * one instance (they all run on the engine's thread).
 */
final class Conditions {

  private record Key(String householdId, Cause cause) {}

  private final Map<Key, Set<String>> active = new HashMap<>();

  /** Marks a condition active; true when it was not active before. */
  boolean raise(String householdId, Cause cause, String condition) {
    return active.computeIfAbsent(new Key(householdId, cause), k -> new HashSet<>()).add(condition);
  }

  /**
   * Marks a condition ended; true when it was active and was the household's last one for this
   * cause, i.e. when the rule should send CLEARED.
   */
  boolean clear(String householdId, Cause cause, String condition) {
    Key key = new Key(householdId, cause);
    Set<String> conditions = active.get(key);
    if (conditions == null || !conditions.remove(condition)) {
      return false;
    }
    if (conditions.isEmpty()) {
      active.remove(key);
      return true;
    }
    return false;
  }

  boolean isActive(String householdId, Cause cause, String condition) {
    Set<String> conditions = active.get(new Key(householdId, cause));
    return conditions != null && conditions.contains(condition);
  }
}

package io.shouwang.alerting.store;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * One save's worth of changes to the {@link SavedState}: last-heard times, and rule state entries
 * set or removed. Filled on the engine's thread, then handed to the store and never changed again.
 */
public final class StateChanges {

  private final Map<String, Instant> lastSeen = new HashMap<>();
  private final Map<String, Map<String, String>> ruleState = new HashMap<>();

  /** Device id to last-heard time; the engine fills it directly. */
  public Map<String, Instant> lastSeen() {
    return lastSeen;
  }

  /** Sets a rule's entry, or removes it when {@code value} is null; a later call wins. */
  public void put(String rule, String key, String value) {
    ruleState.computeIfAbsent(rule, r -> new HashMap<>()).put(key, value);
  }

  /** Rule state name to key to value; a null value removes the entry. */
  public Map<String, Map<String, String>> ruleState() {
    return Collections.unmodifiableMap(ruleState);
  }

  public boolean isEmpty() {
    return lastSeen.isEmpty() && ruleState.isEmpty();
  }

  /** Devices plus rule entries. */
  public int size() {
    return lastSeen.size() + ruleState.values().stream().mapToInt(Map::size).sum();
  }

  /** Adds the changes of an older batch that this one does not override. */
  public void addUnder(StateChanges older) {
    older.lastSeen.forEach(lastSeen::putIfAbsent);
    older.ruleState.forEach((rule, entries) -> entries.forEach((key, value) -> {
      Map<String, String> mine = ruleState.computeIfAbsent(rule, r -> new HashMap<>());
      if (!mine.containsKey(key)) {
        mine.put(key, value);
      }
    }));
  }

  /** A copy without the keys that any of {@code newer} changes. */
  public StateChanges without(Iterable<StateChanges> newer) {
    StateChanges left = new StateChanges();
    left.addUnder(this);
    for (StateChanges n : newer) {
      left.lastSeen.keySet().removeAll(n.lastSeen.keySet());
      n.ruleState.forEach((rule, entries) -> {
        Map<String, String> mine = left.ruleState.get(rule);
        if (mine != null) {
          mine.keySet().removeAll(entries.keySet());
        }
      });
    }
    left.ruleState.values().removeIf(Map::isEmpty);
    return left;
  }
}

package io.shouwang.alerting.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link SavedStateStore} holds.
 *
 * @param lastSeen device id to the receive time of its last message
 * @param ruleState rule state name to that rule's entries (key to encoded value)
 */
public record SavedState(
    Map<String, Instant> lastSeen, Map<String, Map<String, String>> ruleState) {

  public SavedState {
    lastSeen = Map.copyOf(lastSeen);
    Map<String, Map<String, String>> rules = new HashMap<>();
    ruleState.forEach((rule, entries) -> rules.put(rule, Map.copyOf(entries)));
    ruleState = Map.copyOf(rules);
  }

  /** Nothing saved: a first start, or a store that could not be read. */
  public static SavedState empty() {
    return new SavedState(Map.of(), Map.of());
  }

  /** How many rule state entries there are, over all rules. */
  public int ruleEntries() {
    return ruleState.values().stream().mapToInt(Map::size).sum();
  }
}

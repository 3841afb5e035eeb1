package io.shouwang.alerting.rules;

import io.shouwang.alerting.Incident;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule finds when the engine starts: the open incidents reloaded from the store, the last
 * time each device was heard and the rules' own state, as last saved. All empty on a first start.
 *
 * @param start when the engine started (its clock)
 * @param openIncidents every open incident, oldest first
 * @param lastSeen device id to the receive time of its last message before the restart
 * @param ruleState {@link RuleState#name()} to the entries that rule saved
 */
public record Restart(
    Instant start,
    List<Incident> openIncidents,
    Map<String, Instant> lastSeen,
    Map<String, Map<String, String>> ruleState) {

  public Restart {
    openIncidents = List.copyOf(openIncidents);
    lastSeen = Map.copyOf(lastSeen);
    Map<String, Map<String, String>> rules = new HashMap<>();
    ruleState.forEach((rule, entries) -> rules.put(rule, Map.copyOf(entries)));
    ruleState = Map.copyOf(rules);
  }

  /** Without rule state. */
  public Restart(Instant start, List<Incident> openIncidents, Map<String, Instant> lastSeen) {
    this(start, openIncidents, lastSeen, Map.of());
  }

  /** A first start: nothing to pick up. */
  public static Restart fresh(Instant start) {
    return new Restart(start, List.of(), Map.of());
  }

  /** The entries a rule state saved, by key; empty when none. */
  public Map<String, String> ruleState(String name) {
    return ruleState.getOrDefault(name, Map.of());
  }
}

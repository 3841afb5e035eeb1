package io.shouwang.alerting.rules;

import io.shouwang.alerting.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rule finds when the engine starts: the open incidents reloaded from the store and the
 * last time each device was heard, as last saved. Both are empty on a first start.
 *
 * @param start when the engine started (its clock)
 * @param openIncidents every open incident, oldest first
 * @param lastSeen device id to the receive time of its last message before the restart
 */
public record Restart(Instant start, List<Incident> openIncidents, Map<String, Instant> lastSeen) {

  public Restart {
    openIncidents = List.copyOf(openIncidents);
    lastSeen = Map.copyOf(lastSeen);
  }

  /** A first start: nothing to pick up. */
  public static Restart fresh(Instant start) {
    return new Restart(start, List.of(), Map.of());
  }
}

package io.shouwang.alerting.rules;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.TimelineEntry;
import io.shouwang.alerting.incident.Actions;
import java.time.Instant;
import java.util.List;

/**
 * Reads an open INACTIVITY incident back after a restart: is the home still quiet as far as the
 * incident knows (its latest entry from the rule is a raise), or did movement clear it, and when.
 * The timeline is on disk before any movement message behind it is acknowledged, so it can be
 * newer than the saved last movement, never older.
 *
 * @param stillQuiet the latest raise has no CLEARED after it
 * @param clearedAt when the latest CLEARED was recorded (null when still quiet)
 */
record InactivityTimeline(boolean stillQuiet, Instant clearedAt) {

  static InactivityTimeline of(Incident incident) {
    List<TimelineEntry> timeline = incident.timeline();
    for (int i = timeline.size() - 1; i >= 0; i--) {
      TimelineEntry entry = timeline.get(i);
      if (Actions.CLEARED.equals(entry.action())) {
        return new InactivityTimeline(false, entry.at());
      }
      if (Actions.RAISED.equals(entry.action()) || Actions.ATTACHED.equals(entry.action())) {
        return new InactivityTimeline(true, null);
      }
    }
    // No raise on record is an unclear history: take it as raised, so a restart pages nobody.
    return new InactivityTimeline(true, null);
  }
}

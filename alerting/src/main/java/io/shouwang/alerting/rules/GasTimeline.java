package io.shouwang.alerting.rules;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.TimelineEntry;
import io.shouwang.alerting.incident.Actions;
import java.util.List;

/**
 * Reads an open gas incident back into the episode it records, after a restart. The incident's
 * timeline is the gas rule's durable memory: each entry is on disk before the message behind it is
 * acknowledged, so it says exactly which closure was started, whether it was confirmed and whether
 * it escalated. A separate record of episodes could lag behind it after a crash.
 */
final class GasTimeline {

  private GasTimeline() {}

  /**
   * The episode of the incident's latest closure: CONFIRMED when the valves were confirmed closed
   * since it started, else CLOSING (to be re-armed); escalated when it already escalated.
   */
  static GasEpisode episode(Incident incident, List<String> valves) {
    List<TimelineEntry> timeline = incident.timeline();
    int start = timeline.size() - 1;
    while (start >= 0 && !isStart(timeline.get(start))) {
      start--;
    }
    boolean confirmed = false;
    // Raised some other way (before a valve was registered, or by an escalation after an earlier
    // incident was closed): unclear history, so count it as escalated and never page again.
    boolean escalated = start < 0;
    for (int i = Math.max(start, 0); i < timeline.size(); i++) {
      TimelineEntry entry = timeline.get(i);
      confirmed |= Actions.CLEARED.equals(entry.action())
          && GasRule.CONFIRMED_SUMMARY.equals(entry.detail());
      escalated |= Actions.ESCALATED.equals(entry.action());
    }
    GasEpisode episode =
        new GasEpisode(incident.householdId(), alarmKey(incident, start), alarmLel(incident), valves);
    episode.escalated = escalated;
    if (confirmed) {
      episode.state = GasEpisode.State.CONFIRMED;
    }
    return episode;
  }

  private static boolean isStart(TimelineEntry entry) {
    return (Actions.RAISED.equals(entry.action()) || Actions.ATTACHED.equals(entry.action()))
        && GasRule.CLOSING_SUMMARY.equals(entry.detail());
  }

  /** The key of the ALARM that started the closure, so timer keys are those it had before. */
  private static String alarmKey(Incident incident, int start) {
    List<TimelineEntry> timeline = incident.timeline();
    String key = start >= 0 ? timeline.get(start).messageKey()
        : timeline.isEmpty() ? null : timeline.get(0).messageKey();
    return key != null ? key : incident.id();
  }

  /**
   * The latest gas reading the incident shows; since the closure started, details come only from
   * its own signals, and a RAISE carries a reading at or above the alarm's. Unknown (NaN) when the
   * last detailed signal was a valve fault: the first reading after the restart stands in.
   */
  private static float alarmLel(Incident incident) {
    String lel = incident.details().get("lel_percent");
    if (lel == null) {
      return Float.NaN;
    }
    try {
      return Float.parseFloat(lel);
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }
}

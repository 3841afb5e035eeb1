package io.shouwang.alerting.store;

import io.shouwang.alerting.Incident;

/**
 * The latest state of one incident to write.
 *
 * @param incident the whole snapshot: its header and pages are upserted
 * @param timelineFrom timeline entries before this index are already stored; the rest are new
 */
public record IncidentChange(Incident incident, int timelineFrom) {

  public IncidentChange {
    if (timelineFrom < 0 || timelineFrom > incident.timeline().size()) {
      throw new IllegalArgumentException("timelineFrom out of range: " + timelineFrom);
    }
  }
}

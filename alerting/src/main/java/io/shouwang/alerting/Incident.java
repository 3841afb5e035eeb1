package io.shouwang.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one incident: one household, one cause, from raise to close.
 *
 * @param id deterministic: derived from household, cause and the first message's key
 * @param policy the escalation policy it follows
 * @param acceptedBy who accepted, or null
 * @param eta when the accepting responder expects to arrive, or null
 * @param assignee who the duty desk assigned, or null
 * @param attachCount signals that raised or joined it (the first one included)
 * @param currentStep the escalation step paged last, -1 before the first
 * @param round 0 for the first pass of the ladder, then one more per repeat
 * @param nextEscalationAt when escalation acts next (next step, repeat, or ETA check), or null
 * @param deviceId the device that raised it, or null for household-level causes
 * @param summary one human line from the rule (never a health value)
 * @param details readings and facts for responders; shown to authorised people, never logged
 */
public record Incident(
    String id,
    String householdId,
    Cause cause,
    Severity severity,
    IncidentState state,
    String policy,
    Instant openedAt,
    Instant updatedAt,
    String acceptedBy,
    Instant eta,
    String assignee,
    int attachCount,
    int currentStep,
    int round,
    Instant nextEscalationAt,
    String deviceId,
    String summary,
    Map<String, String> details,
    List<TimelineEntry> timeline,
    List<PageRecord> pages) {

  public Incident {
    details = Map.copyOf(details);
    timeline = List.copyOf(timeline);
    pages = List.copyOf(pages);
  }

  /** True until resolved or cancelled. */
  public boolean isOpen() {
    return state.isOpen();
  }

  @Override
  public String toString() {
    // Identifiers only: details may hold health values and the timeline responders' notes.
    return "Incident[" + id + ", " + householdId + ", " + cause.label() + ", " + state + "]";
  }
}

package io.shouwang.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * What a rule concluded about a household: the input of the incident stage.
 *
 * @param kind what to do with the household's incident for this cause
 * @param deviceId the device that caused it, or empty for household-level signals (inactivity)
 * @param summary one short human line, e.g. "button pressed" (no health values: they go in
 *     details, which are shown to authorised people and never logged)
 * @param details readings and facts for responders, e.g. {"spo2_percent": "86"}
 * @param messageKey the device message that produced it (device/boot/seq), or a timer key
 */
public record Signal(
    Kind kind,
    String householdId,
    Cause cause,
    Severity severity,
    String deviceId,
    String summary,
    Map<String, String> details,
    Instant at,
    String messageKey) {

  public Signal {
    details = Map.copyOf(details);
  }

  /** What the signal asks of the incident for (household, cause). */
  public enum Kind {
    /** Raise an incident, or attach to the open one (a repeat is never paged again). */
    RAISE,
    /** The condition cleared (smoke clear, valve closed): recorded; a person still resolves. */
    CLEARED,
    /** The resident cancelled (e.g. a press by mistake) within the grace window. */
    RESIDENT_CANCEL,
    /** A press of the home's button while a responder has accepted: the responder is on site. */
    ON_SITE_BY_BUTTON,
    /** Things got worse (valve failed to close, vitals worsening): escalate at once. */
    ESCALATE
  }
}

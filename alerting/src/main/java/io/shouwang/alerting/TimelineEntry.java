package io.shouwang.alerting;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an incident's record: who did what, when.
 *
 * @param actor "system", "device:&lt;id&gt;", or the id of the person who acted
 * @param action what happened, e.g. raised, attached, step_paged, page_sent, accepted (ALERTING.md
 *     lists them)
 * @param detail a short human line; may hold a responder's note, so it is never logged
 * @param messageKey the device message behind the entry (device/boot/seq), or null
 */
public record TimelineEntry(
    Instant at, String actor, String action, String detail, String messageKey) {

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    detail = detail == null ? "" : detail;
  }

  @Override
  public String toString() {
    // Details may hold notes with personal data: logs get the action only.
    return "TimelineEntry[" + at + ", " + actor + ", " + action + "]";
  }
}

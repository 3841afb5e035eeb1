package io.shouwang.alerting.incident;

/** The action names written on timelines (ALERTING.md explains each). */
public final class Actions {
  public static final String RAISED = "raised";
  public static final String ATTACHED = "attached";
  public static final String CLEARED = "cleared";
  public static final String RESIDENT_CANCEL = "resident_cancel";
  public static final String BUTTON_PRESS = "button_press";
  public static final String ESCALATED = "escalated";
  public static final String STEP_PAGED = "step_paged";
  public static final String REPEAT = "repeat";
  public static final String NOBODY_REACHABLE = "nobody_reachable";
  public static final String STEP_UNREACHABLE = "step_unreachable";
  public static final String PAGE_SENT = "page_sent";
  public static final String PAGE_FAILED = "page_failed";
  public static final String PAGE_SKIPPED = "page_skipped";
  public static final String QUEUE_OVERFLOW = "queue_overflow";
  public static final String ACCEPTED = "accepted";
  public static final String ETA_UPDATED = "eta_updated";
  public static final String ETA_MISSED = "eta_missed";
  public static final String ON_SITE = "on_site";
  public static final String ASSIGNED = "assigned";
  public static final String RESOLVED = "resolved";
  public static final String CANCELLED = "cancelled";
  public static final String COMMAND_SENT = "command_sent";
  public static final String COMMAND_FAILED = "command_failed";

  /** The actor of everything the engine does by itself. */
  public static final String SYSTEM = "system";

  private Actions() {}

  /** The actor name of a device. */
  public static String device(String deviceId) {
    return deviceId == null || deviceId.isEmpty() ? SYSTEM : "device:" + deviceId;
  }
}

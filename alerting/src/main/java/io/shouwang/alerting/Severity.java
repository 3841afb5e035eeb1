package io.shouwang.alerting;

/** How urgent an incident is; orders the duty desk's queue. */
public enum Severity {
  /** A person may be in danger now (button, fire, gas, protection lost). */
  CRITICAL,
  /** Needs a person soon (break-in, abnormal vitals, inactivity, tamper). */
  HIGH,
  /** Needs attention today (device offline, low battery). */
  NORMAL,
  /** A request, not an alarm (service button). */
  INFO
}

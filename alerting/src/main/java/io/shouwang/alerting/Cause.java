package io.shouwang.alerting;

import java.util.Locale;

/** Why an incident exists. One open incident per household and cause. */
public enum Cause {
  EMERGENCY_BUTTON(Severity.CRITICAL),
  SERVICE_REQUEST(Severity.INFO),
  FIRE(Severity.CRITICAL),
  GAS_LEAK(Severity.CRITICAL),
  BREAK_IN(Severity.HIGH),
  ABNORMAL_VITALS(Severity.HIGH),
  /** A smoke alarm, gas detector or emergency button went silent: the household is unprotected. */
  PROTECTION_LOST(Severity.CRITICAL),
  DEVICE_OFFLINE(Severity.NORMAL),
  LOW_BATTERY(Severity.NORMAL),
  TAMPER(Severity.HIGH),
  /** No motion for longer than the resident's quiet window: someone should check. */
  INACTIVITY(Severity.HIGH);

  private final Severity defaultSeverity;

  Cause(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** The lower-case name used in storage, metrics and messages. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.shouwang.registry;

import java.util.Locale;
import java.util.Optional;

/** What a registered device is; decides which messages it sends and which alerts it can raise. */
public enum DeviceKind {
  /** One-touch emergency button, wearable or on the wall. */
  EMERGENCY_BUTTON,
  /** Second button for everyday help (a service request, not an emergency). */
  SERVICE_BUTTON,
  SMOKE_ALARM,
  GAS_DETECTOR,
  /** Motorised gas valve, closed by the gateway when the household's gas detector alarms. */
  GAS_VALVE,
  /** Door or window contact. */
  DOOR_CONTACT,
  /** PIR motion sensor. */
  MOTION_SENSOR,
  /** Heart rate, SpO2, blood pressure, blood glucose. */
  HEALTH_MONITOR;

  private final String yamlName = name().toLowerCase(Locale.ROOT);

  /** The name used in the registry file, e.g. {@code emergency_button}. */
  public String yamlName() {
    return yamlName;
  }

  /** The kind with this registry-file name, if any (exact, lower case). */
  public static Optional<DeviceKind> fromYamlName(String name) {
    for (DeviceKind kind : values()) {
      if (kind.yamlName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}

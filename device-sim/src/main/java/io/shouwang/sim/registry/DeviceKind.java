package io.shouwang.sim.registry;

import java.util.Optional;

/** The device kinds a registry can list, with the id prefix the generator gives each. */
public enum DeviceKind {
  EMERGENCY_BUTTON("emergency_button", "btn"),
  SERVICE_BUTTON("service_button", "svc"),
  SMOKE_ALARM("smoke_alarm", "smk"),
  GAS_DETECTOR("gas_detector", "gas"),
  GAS_VALVE("gas_valve", "vlv"),
  DOOR_CONTACT("door_contact", "door"),
  MOTION_SENSOR("motion_sensor", "pir"),
  HEALTH_MONITOR("health_monitor", "hm");

  private final String registryName;
  private final String idPrefix;

  DeviceKind(String registryName, String idPrefix) {
    this.registryName = registryName;
    this.idPrefix = idPrefix;
  }

  /** The spelling used in the registry file's {@code kind} key. */
  public String registryName() {
    return registryName;
  }

  /** The prefix of generated ids, e.g. {@code btn} for {@code btn-0001}. */
  public String idPrefix() {
    return idPrefix;
  }

  /** Generated id for the n-th device of this kind, zero-padded to at least four digits. */
  public String idFor(int n) {
    return String.format("%s-%04d", idPrefix, n);
  }

  /** The kind spelled as in a registry file, if it is one. */
  public static Optional<DeviceKind> fromRegistryName(String name) {
    for (DeviceKind kind : values()) {
      if (kind.registryName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}

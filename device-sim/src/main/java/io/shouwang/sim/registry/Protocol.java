package io.shouwang.sim.registry;

import java.util.Optional;

/** The MQTT protocol version a device speaks. */
public enum Protocol {
  MQTT5("mqtt5"),
  MQTT311("mqtt311");

  private final String registryName;

  Protocol(String registryName) {
    this.registryName = registryName;
  }

  /** The spelling used in the registry file's {@code protocol} key. */
  public String registryName() {
    return registryName;
  }

  /** The protocol spelled as in a registry file, if it is one. */
  public static Optional<Protocol> fromRegistryName(String name) {
    for (Protocol p : values()) {
      if (p.registryName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}

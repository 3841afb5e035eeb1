package io.shouwang.registry;

import java.util.Optional;

/** The MQTT version a device speaks; MQTT 3.1.1 devices get no MQTT 5 properties from us. */
public enum MqttProtocol {
  MQTT_5("mqtt5"),
  MQTT_3_1_1("mqtt311");

  private final String yamlName;

  MqttProtocol(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name used in the registry file: {@code mqtt5} or {@code mqtt311}. */
  public String yamlName() {
    return yamlName;
  }

  /** The protocol with this registry-file name, if any. */
  public static Optional<MqttProtocol> fromYamlName(String name) {
    for (MqttProtocol protocol : values()) {
      if (protocol.yamlName.equals(name)) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }
}

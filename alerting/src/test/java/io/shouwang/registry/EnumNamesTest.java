package io.shouwang.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EnumNamesTest {

  @ParameterizedTest
  @EnumSource(DeviceKind.class)
  void deviceKindRoundTripsThroughItsYamlName(DeviceKind kind) {
    assertThat(DeviceKind.fromYamlName(kind.yamlName())).contains(kind);
  }

  @Test
  void deviceKindYamlNameIsLowerSnakeCase() {
    assertThat(DeviceKind.EMERGENCY_BUTTON.yamlName()).isEqualTo("emergency_button");
    assertThat(DeviceKind.fromYamlName("EMERGENCY_BUTTON")).isEmpty();
    assertThat(DeviceKind.fromYamlName("smok_alarm")).isEmpty();
    assertThat(DeviceKind.fromYamlName(null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"mqtt5, MQTT_5", "mqtt311, MQTT_3_1_1"})
  void mqttProtocolIsNamedAsInTheFile(String yamlName, MqttProtocol protocol) {
    assertThat(protocol.yamlName()).isEqualTo(yamlName);
    assertThat(MqttProtocol.fromYamlName(yamlName)).contains(protocol);
  }

  @ParameterizedTest
  @CsvSource({"family, FAMILY", "neighbour, NEIGHBOUR", "key_holder, KEY_HOLDER", "doctor, DOCTOR"})
  void contactRoleIsNamedAsInTheFile(String yamlName, ContactRole role) {
    assertThat(role.yamlName()).isEqualTo(yamlName);
    assertThat(ContactRole.fromYamlName(yamlName)).contains(role);
  }
}

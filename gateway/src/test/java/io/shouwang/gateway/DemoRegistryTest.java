package io.shouwang.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.shouwang.registry.Community;
import io.shouwang.registry.Device;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.Household;
import io.shouwang.registry.MqttProtocol;
import io.shouwang.registry.PlacedDevice;
import io.shouwang.registry.Registry;
import io.shouwang.registry.RegistryLoader;
import io.shouwang.schemas.Encoding;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoRegistryTest {

  private static Registry demo;

  @BeforeAll
  static void loadDemo() throws Exception {
    Path file = Path.of(DemoRegistryTest.class.getResource("/registry/demo-registry.yaml").toURI());
    demo = RegistryLoader.load(file);
  }

  @Test
  void demoHasOneCommunityWithThreeGridsAndAboutFiftyHouseholds() {
    assertThat(demo.communities()).hasSize(1);
    Community community = demo.communities().get(0);
    assertThat(community.grids()).hasSize(3);
    assertThat(community.grids()).allSatisfy(g -> assertThat(g.caregivers()).hasSizeBetween(1, 2));
    assertThat(demo.householdCount()).isBetween(45, 55);
    assertThat(demo.deviceCount()).isEqualTo(demo.placements().size());
  }

  @ParameterizedTest
  @EnumSource(DeviceKind.class)
  void everyKindAppearsInBothEncodingsAndBothProtocols(DeviceKind kind) {
    List<Device> devices = devicesOf(kind);

    assertThat(devices).isNotEmpty();
    assertThat(devices.stream().map(Device::encoding).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Encoding.values());
    assertThat(devices.stream().map(Device::protocol).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(MqttProtocol.values());
  }

  @Test
  void mostDevicesUseProtobufOverMqtt5() {
    long defaults =
        demo.placements().stream()
            .map(PlacedDevice::device)
            .filter(d -> d.encoding() == Encoding.PROTOBUF && d.protocol() == MqttProtocol.MQTT_5)
            .count();

    assertThat(defaults).isGreaterThan(demo.deviceCount() / 2);
  }

  @Test
  void gasDetectorsAndValvesAlwaysComeAsAPair() {
    for (Household household : households()) {
      Set<DeviceKind> kinds = kindsOf(household);
      assertThat(kinds.contains(DeviceKind.GAS_VALVE))
          .as("household %s", household.id())
          .isEqualTo(kinds.contains(DeviceKind.GAS_DETECTOR));
    }
  }

  @Test
  void everyHouseholdHasAnEmergencyButtonAndThreeToEightDevices() {
    assertThat(households())
        .allSatisfy(
            h -> {
              assertThat(kindsOf(h)).contains(DeviceKind.EMERGENCY_BUTTON);
              assertThat(h.devices()).hasSizeBetween(3, 8);
              assertThat(h.residents()).hasSizeBetween(1, 3);
              assertThat(h.contacts()).hasSizeBetween(1, 3);
            });
  }

  @Test
  void deviceIdsDeriveFromKindAndHouseholdNumber() {
    for (PlacedDevice placed : demo.placements()) {
      String number = placed.household().id().substring("hh-".length());

      assertThat(placed.device().id()).endsWith("-" + number);
    }
    assertThat(demo.device("btn-0001").orElseThrow().household().id()).isEqualTo("hh-0001");
  }

  @Test
  void residentsAreBetween68And97YearsOldIn2026() {
    assertThat(households().stream().flatMap(h -> h.residents().stream()))
        .allSatisfy(r -> assertThat(2026 - r.birthYear()).isBetween(68, 97));
  }

  @Test
  void onlyResidentsWhoAreOnTheirOwnLiveAlone() {
    for (Household household : households()) {
      boolean single = household.residents().size() == 1;
      assertThat(household.residents()).allMatch(r -> r.livesAlone() == single);
    }
  }

  private static List<Household> households() {
    return demo.communities().stream()
        .flatMap(c -> c.grids().stream())
        .flatMap(g -> g.buildings().stream())
        .flatMap(b -> b.households().stream())
        .toList();
  }

  private static List<Device> devicesOf(DeviceKind kind) {
    return demo.placements().stream()
        .map(PlacedDevice::device)
        .filter(d -> d.kind() == kind)
        .toList();
  }

  private static Set<DeviceKind> kindsOf(Household household) {
    Set<DeviceKind> kinds = EnumSet.noneOf(DeviceKind.class);
    household.devices().forEach(d -> kinds.add(d.kind()));
    return kinds;
  }
}

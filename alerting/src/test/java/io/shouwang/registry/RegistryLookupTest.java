package io.shouwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shouwang.schemas.Encoding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistryLookupTest {

  private static Registry registry;

  @BeforeAll
  static void loadSmallRegistry() throws Exception {
    registry = RegistryLoader.load(fixture("small.yaml"));
  }

  static Path fixture(String name) throws Exception {
    return Path.of(RegistryLookupTest.class.getResource("/registry/" + name).toURI());
  }

  @Test
  void deviceLookupReturnsItsHouseholdBuildingGridAndCommunity() {
    PlacedDevice placed = registry.device("hm-0103").orElseThrow();

    assertThat(placed.device().kind()).isEqualTo(DeviceKind.HEALTH_MONITOR);
    assertThat(placed.household().id()).isEqualTo("hh-0103");
    assertThat(placed.building().id()).isEqualTo("al-b02");
    assertThat(placed.grid().id()).isEqualTo("al-g1");
    assertThat(placed.grid().caregivers())
        .extracting(Caregiver::id)
        .containsExactly("cg-wu-fang", "cg-he-qiang");
    assertThat(placed.community().dutyDesk().phone()).isEqualTo("+86 21 5555 0300");
  }

  @Test
  void deviceInSecondGridIsPlacedThere() {
    PlacedDevice placed = registry.device("svc-0104").orElseThrow();

    assertThat(placed.grid().id()).isEqualTo("al-g2");
    assertThat(placed.grid().caregivers()).isEmpty();
    assertThat(placed.building().address()).isEqualTo("安乐路 20 弄 11 号");
  }

  @Test
  void unknownDeviceIdIsEmpty() {
    assertThat(registry.device("btn-9999")).isEmpty();
    assertThat(registry.device("BTN-0101")).isEmpty();
    assertThat(registry.device(null)).isEmpty();
  }

  @Test
  void householdLookupFindsItAndItsPlace() {
    assertThat(registry.household("hh-0102").orElseThrow().residents())
        .extracting(Resident::name)
        .containsExactly("周德明", "Mary 周");
    assertThat(registry.placedHousehold("hh-0104").orElseThrow().grid().id()).isEqualTo("al-g2");
    assertThat(registry.household("hh-0999")).isEmpty();
    assertThat(registry.household(null)).isEmpty();
  }

  @Test
  void countsAndPlacementsFollowTheFile() {
    assertThat(registry.householdCount()).isEqualTo(4);
    assertThat(registry.deviceCount()).isEqualTo(11);
    assertThat(registry.placements())
        .extracting(p -> p.device().id())
        .containsExactly(
            "btn-0101",
            "smk-0101",
            "door-0101",
            "btn-0102",
            "gas-0102",
            "vlv-0102",
            "btn-0103",
            "pir-0103",
            "hm-0103",
            "btn-0104",
            "svc-0104");
  }

  @Test
  void omittedEncodingProtocolAndLanguageTakeTheirDefaults() {
    Device smoke = registry.device("smk-0101").orElseThrow().device();
    Device door = registry.device("door-0101").orElseThrow().device();
    Household couple = registry.household("hh-0102").orElseThrow();

    assertThat(smoke.encoding()).isEqualTo(Encoding.PROTOBUF);
    assertThat(smoke.protocol()).isEqualTo(MqttProtocol.MQTT_5);
    assertThat(door.encoding()).isEqualTo(Encoding.JSON);
    assertThat(door.protocol()).isEqualTo(MqttProtocol.MQTT_3_1_1);
    assertThat(couple.residents()).extracting(Resident::language).containsExactly("zh", "en");
  }

  @Test
  void absentOptionalTextIsNull() {
    Household couple = registry.household("hh-0102").orElseThrow();

    assertThat(couple.keyHolder()).isNull();
    assertThat(couple.contacts()).isEmpty();
    assertThat(couple.residents().get(0).medicalNotes()).isNull();
    assertThat(couple.devices().get(0).model()).isNull();
    assertThat(registry.communities().get(0).grids().get(0).caregivers().get(1).email()).isNull();
  }

  @Test
  void unquotedNumberIsKeptAsWritten() {
    // YAML reads flat: 0601 as a number (octal, even, for some parsers); the flat is "0601".
    assertThat(registry.household("hh-0103").orElseThrow().flat()).isEqualTo("0601");
  }

  @Test
  void modelListsCannotBeChanged() {
    Household household = registry.household("hh-0101").orElseThrow();

    assertThatThrownBy(() -> household.devices().add(household.devices().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> registry.communities().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void registryOfRejectsARepeatedDeviceId() {
    Device button =
        new Device(
            "btn-1", DeviceKind.EMERGENCY_BUTTON, Encoding.PROTOBUF, MqttProtocol.MQTT_5, null);
    Resident resident = new Resident("r-1", "王秀英", 1938, true, "zh", null);
    Household one =
        new Household("hh-1", "101", null, List.of(resident), List.of(), List.of(button));
    Household two =
        new Household("hh-2", "102", null, List.of(resident), List.of(), List.of(button));
    Building building = new Building("b-1", "1号楼", "幸福路 1 号", List.of(one, two));
    Community community =
        new Community(
            "c-1",
            "幸福里社区",
            new DutyDesk("值班台", "+86 21 5555 0100", null),
            List.of(new Grid("g-1", "第一网格", List.of(), List.of(building))));

    assertThatThrownBy(() -> Registry.of(List.of(community)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate device id: btn-1");
  }
}

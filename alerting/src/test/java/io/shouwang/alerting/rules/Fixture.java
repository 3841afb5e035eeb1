package io.shouwang.alerting.rules;

import io.shouwang.registry.Building;
import io.shouwang.registry.Community;
import io.shouwang.registry.Device;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.DutyDesk;
import io.shouwang.registry.Grid;
import io.shouwang.registry.Household;
import io.shouwang.registry.MqttProtocol;
import io.shouwang.registry.QuietWindow;
import io.shouwang.registry.Registry;
import io.shouwang.registry.Resident;
import io.shouwang.registry.VitalLimit;
import io.shouwang.schemas.Encoding;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small registry for rule tests.
 *
 * <ul>
 *   <li>hh-1: every kind of device (two smoke alarms), one resident without overrides
 *   <li>hh-2: a gas detector without a valve, a button
 *   <li>hh-3: a gas detector with two valves
 *   <li>hh-4: a resident with vitals and quiet-window overrides, a motion sensor and a monitor
 *   <li>hh-5: a door contact and a button, no motion sensor
 * </ul>
 */
final class Fixture {

  /** 10:00 in Shanghai. */
  static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

  static final Registry REGISTRY = registry();

  private Fixture() {}

  private static Registry registry() {
    List<Household> households = new ArrayList<>();
    households.add(
        household(
            "hh-1",
            List.of(plain("r-1")),
            device("btn-1", DeviceKind.EMERGENCY_BUTTON),
            device("svc-1", DeviceKind.SERVICE_BUTTON),
            device("smk-1", DeviceKind.SMOKE_ALARM),
            device("smk-1b", DeviceKind.SMOKE_ALARM),
            device("gas-1", DeviceKind.GAS_DETECTOR),
            device("vlv-1", DeviceKind.GAS_VALVE),
            device("door-1", DeviceKind.DOOR_CONTACT),
            device("pir-1", DeviceKind.MOTION_SENSOR),
            device("hm-1", DeviceKind.HEALTH_MONITOR)));
    households.add(
        household(
            "hh-2",
            List.of(plain("r-2")),
            device("gas-2", DeviceKind.GAS_DETECTOR),
            device("btn-2", DeviceKind.EMERGENCY_BUTTON)));
    households.add(
        household(
            "hh-3",
            List.of(plain("r-3")),
            device("gas-3", DeviceKind.GAS_DETECTOR),
            device("vlv-3a", DeviceKind.GAS_VALVE),
            device("vlv-3b", DeviceKind.GAS_VALVE)));
    Resident own =
        new Resident(
            "r-4",
            "Resident 4",
            1936,
            true,
            "zh",
            null,
            Map.of(VitalLimit.SPO2_LOW, 85.0, VitalLimit.HEART_RATE_HIGH, 110.0),
            List.of(
                new QuietWindow(LocalTime.of(22, 0), LocalTime.of(9, 0), Duration.ofHours(12)),
                new QuietWindow(LocalTime.of(13, 0), LocalTime.of(15, 0), Duration.ofHours(1))));
    households.add(
        household(
            "hh-4",
            List.of(own),
            device("pir-4", DeviceKind.MOTION_SENSOR),
            device("hm-4", DeviceKind.HEALTH_MONITOR)));
    households.add(
        household(
            "hh-5",
            List.of(plain("r-5")),
            device("door-5", DeviceKind.DOOR_CONTACT),
            device("btn-5", DeviceKind.EMERGENCY_BUTTON)));
    Building building = new Building("b-1", "1号楼", "幸福路 1 号", households);
    Grid grid = new Grid("g-1", "第一网格", List.of(), List.of(building));
    Community community =
        new Community("c-1", "幸福里社区", new DutyDesk("值班台", "+86 21 5555 0100", null), List.of(grid));
    return Registry.of(List.of(community));
  }

  private static Resident plain(String id) {
    return new Resident(id, "Resident " + id, 1940, true, "zh", null);
  }

  private static Device device(String id, DeviceKind kind) {
    return new Device(id, kind, Encoding.PROTOBUF, MqttProtocol.MQTT_5, null);
  }

  private static Household household(String id, List<Resident> residents, Device... devices) {
    return new Household(id, "101", null, residents, List.of(), List.of(devices));
  }
}

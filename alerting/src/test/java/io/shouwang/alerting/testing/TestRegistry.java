package io.shouwang.alerting.testing;

import io.shouwang.registry.Building;
import io.shouwang.registry.Caregiver;
import io.shouwang.registry.Community;
import io.shouwang.registry.Contact;
import io.shouwang.registry.ContactRole;
import io.shouwang.registry.Device;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.DutyDesk;
import io.shouwang.registry.Grid;
import io.shouwang.registry.Household;
import io.shouwang.registry.MqttProtocol;
import io.shouwang.registry.Registry;
import io.shouwang.registry.Resident;
import io.shouwang.schemas.Encoding;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry built in code: community "xingfuli"; grid g1 (caregivers cg-wu, cg-he) holds
 * households hh-0001.. (hh-0002's resident speaks English); grid g2 has no caregivers and holds
 * hh-9001. Household n has family ct-n-f, neighbour ct-n-n, key holder ct-n-k and devices btn-n,
 * smk-n, gas-n, vlv-n, hm-n (and motion sensor pir-n from {@link #householdsWithMotionSensors}).
 */
public final class TestRegistry {

  public static final String DESK = "duty-desk:xingfuli";

  private TestRegistry() {}

  public static Registry households(int count) {
    return households(count, false);
  }

  /** The same households, each with a motion sensor pir-n too (so inactivity watches them). */
  public static Registry householdsWithMotionSensors(int count) {
    return households(count, true);
  }

  private static Registry households(int count, boolean motion) {
    List<Household> households = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      households.add(household(n, n == 2 ? "en" : "zh", motion));
    }
    Grid g1 = new Grid("g1", "一网格",
        List.of(new Caregiver("cg-wu", "吴芳", "+86 138 0000 0001", "wu@example.org"),
            new Caregiver("cg-he", "何强", "+86 138 0000 0002", null)),
        List.of(new Building("b3", "3号楼", "幸福路 88 弄 3 号", households)));
    Grid g2 = new Grid("g2", "二网格", List.of(),
        List.of(new Building("b9", "9号楼", "幸福路 90 弄 9 号", List.of(household(9001, "zh", motion)))));
    Community community = new Community("xingfuli", "幸福里社区",
        new DutyDesk("幸福里社区服务中心值班台", "+86 21 5555 0100", "desk@example.org"),
        List.of(g1, g2));
    return Registry.of(List.of(community));
  }

  public static String household(int n) {
    return "hh-" + pad(n);
  }

  public static String device(String kind, int n) {
    return kind + "-" + pad(n);
  }

  private static Household household(int n, String language, boolean motion) {
    String id = pad(n);
    Resident resident = language.equals("en")
        ? new Resident("r-" + id, "Mary Zhou", 1940, true, "en", null)
        : new Resident("r-" + id, "王秀英", 1938, true, "zh", "高血压");
    List<Contact> contacts = List.of(
        new Contact("ct-" + id + "-f", "王小明", "son", "+86 139 0000 " + id, "son@example.org",
            ContactRole.FAMILY),
        new Contact("ct-" + id + "-n", "李阿姨", "neighbour", "+86 137 0000 " + id, null,
            ContactRole.NEIGHBOUR),
        new Contact("ct-" + id + "-k", "张师傅", "key holder", "+86 136 0000 " + id, null,
            ContactRole.KEY_HOLDER));
    List<Device> devices = new ArrayList<>(List.of(
        device("btn-" + id, DeviceKind.EMERGENCY_BUTTON),
        device("smk-" + id, DeviceKind.SMOKE_ALARM),
        device("gas-" + id, DeviceKind.GAS_DETECTOR),
        device("vlv-" + id, DeviceKind.GAS_VALVE),
        device("hm-" + id, DeviceKind.HEALTH_MONITOR)));
    if (motion) {
      devices.add(device("pir-" + id, DeviceKind.MOTION_SENSOR));
    }
    return new Household("hh-" + id, "50" + (n % 10), null, List.of(resident), contacts, devices);
  }

  private static Device device(String id, DeviceKind kind) {
    return new Device(id, kind, Encoding.PROTOBUF, MqttProtocol.MQTT_5, null);
  }

  private static String pad(int n) {
    return String.format("%04d", n);
  }
}

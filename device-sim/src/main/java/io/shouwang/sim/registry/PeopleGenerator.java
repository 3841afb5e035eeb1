package io.shouwang.sim.registry;

import io.shouwang.sim.registry.RegistryDocument.Building;
import io.shouwang.sim.registry.RegistryDocument.Caregiver;
import io.shouwang.sim.registry.RegistryDocument.Community;
import io.shouwang.sim.registry.RegistryDocument.Contact;
import io.shouwang.sim.registry.RegistryDocument.DeviceEntry;
import io.shouwang.sim.registry.RegistryDocument.DutyDesk;
import io.shouwang.sim.registry.RegistryDocument.Grid;
import io.shouwang.sim.registry.RegistryDocument.HouseholdEntry;
import io.shouwang.sim.registry.RegistryDocument.Resident;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Invents the people and places around the devices: residents, contacts, caregivers, desks. */
final class PeopleGenerator {

  private static final List<String> SURNAMES =
      List.of(
          "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun",
          "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo");
  private static final List<String> GIVEN_NAMES =
      List.of(
          "Guiying",
          "Xiuying",
          "Yulan",
          "Shufen",
          "Jianguo",
          "Guoqiang",
          "Yumei",
          "Fengying",
          "Zhiqiang",
          "Lihua",
          "Jianhua",
          "Xiulan",
          "Dehua",
          "Baoshan",
          "Shuzhen",
          "Guilan",
          "Min",
          "Jun",
          "Wei",
          "Fang",
          "Lei",
          "Jing",
          "Tao",
          "Yan");
  private static final List<String> FAMILY_RELATIONS =
      List.of("son", "daughter", "niece", "nephew", "grandson", "granddaughter");
  private static final List<String> STREETS =
      List.of("Heping Road", "Jiefang Road", "Renmin Road", "Xinhua Street", "Qingnian Road");

  private final RandomGenerator random;
  private int residents;
  private int contacts;
  private int caregivers;

  PeopleGenerator(RandomGenerator random) {
    this.random = random;
  }

  Community community(int number, List<Grid> grids) {
    String id = String.format("com-%02d", number);
    DutyDesk desk =
        new DutyDesk(
            "Community " + number + " service center", phone(), "duty-" + id + "@example.org");
    return new Community(id, "Community " + number, desk, grids);
  }

  Grid grid(int community, int number, List<Building> buildings) {
    List<Caregiver> list = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      caregivers++;
      list.add(new Caregiver(String.format("cg-%04d", caregivers), name(), phone()));
    }
    return new Grid(
        String.format("grid-%04d", number), "Grid " + community + "-" + number, list, buildings);
  }

  Building building(int number, List<HouseholdEntry> households) {
    String street = STREETS.get(random.nextInt(STREETS.size()));
    return new Building(
        String.format("bld-%04d", number),
        "Building " + number,
        (10 + random.nextInt(390)) + " " + street,
        households);
  }

  HouseholdEntry household(int number, int indexInBuilding, List<DeviceEntry> devices) {
    int floor = 1 + indexInBuilding / 4;
    int unit = 1 + indexInBuilding % 4;
    List<Resident> people = new ArrayList<>();
    boolean alone = random.nextDouble() < 0.8;
    people.add(resident(alone));
    if (!alone) {
      people.add(resident(false));
    }
    List<Contact> list = new ArrayList<>();
    list.add(contact(FAMILY_RELATIONS.get(random.nextInt(FAMILY_RELATIONS.size())), "family"));
    if (random.nextDouble() < 0.5) {
      list.add(contact("neighbour", "neighbour"));
    }
    if (random.nextDouble() < 0.3) {
      list.add(contact("key holder", "key_holder"));
    }
    if (random.nextDouble() < 0.2) {
      list.add(contact("family doctor", "doctor"));
    }
    return new HouseholdEntry(
        String.format("hh-%04d", number), floor + "-" + floor + "0" + unit, people, list, devices);
  }

  private Resident resident(boolean livesAlone) {
    residents++;
    return new Resident(
        String.format("res-%04d", residents), name(), 1930 + random.nextInt(21), livesAlone);
  }

  private Contact contact(String relation, String role) {
    contacts++;
    return new Contact(String.format("ct-%04d", contacts), name(), relation, phone(), role);
  }

  private String name() {
    return SURNAMES.get(random.nextInt(SURNAMES.size()))
        + " "
        + GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size()));
  }

  private String phone() {
    return String.format("+86138%08d", random.nextInt(100_000_000));
  }
}

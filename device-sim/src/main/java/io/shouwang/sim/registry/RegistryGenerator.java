package io.shouwang.sim.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.shouwang.sim.registry.RegistryDocument.Building;
import io.shouwang.sim.registry.RegistryDocument.Community;
import io.shouwang.sim.registry.RegistryDocument.DeviceEntry;
import io.shouwang.sim.registry.RegistryDocument.Grid;
import io.shouwang.sim.registry.RegistryDocument.HouseholdEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Generates a realistic registry: every household has an emergency button; most a smoke alarm, door
 * contact and motion sensor; a third gas detector plus valve; a third a health monitor; a few a
 * service button. The same settings always give the same file.
 */
public final class RegistryGenerator {

  static final int HOUSEHOLDS_PER_BUILDING = 24;
  static final int BUILDINGS_PER_GRID = 3;
  static final int GRIDS_PER_COMMUNITY = 8;

  /** The order devices are handed out when a fixed number per household is asked for. */
  private static final List<DeviceKind> FIXED_ORDER =
      List.of(
          DeviceKind.EMERGENCY_BUTTON,
          DeviceKind.SMOKE_ALARM,
          DeviceKind.DOOR_CONTACT,
          DeviceKind.MOTION_SENSOR,
          DeviceKind.GAS_DETECTOR,
          DeviceKind.GAS_VALVE,
          DeviceKind.HEALTH_MONITOR,
          DeviceKind.SERVICE_BUTTON);

  /** Beyond eight devices a flat gets more rooms covered. */
  private static final List<DeviceKind> EXTRA_ROOMS =
      List.of(DeviceKind.MOTION_SENSOR, DeviceKind.DOOR_CONTACT, DeviceKind.SMOKE_ALARM);

  private static final Map<DeviceKind, String> MODELS =
      new EnumMap<>(
          Map.of(
              DeviceKind.EMERGENCY_BUTTON, "SW-EB200",
              DeviceKind.SERVICE_BUTTON, "SW-SB100",
              DeviceKind.SMOKE_ALARM, "SW-SA10",
              DeviceKind.GAS_DETECTOR, "SW-GD30",
              DeviceKind.GAS_VALVE, "SW-MV30",
              DeviceKind.DOOR_CONTACT, "SW-DC05",
              DeviceKind.MOTION_SENSOR, "SW-PIR2",
              DeviceKind.HEALTH_MONITOR, "SW-HM7"));

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          // Quoted strings keep phone numbers like +8613800000001 from reading back as integers.
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private final GenerationSettings settings;
  private final RandomGenerator random;
  private final PeopleGenerator people;
  private final Map<DeviceKind, Integer> counters = new EnumMap<>(DeviceKind.class);

  private RegistryGenerator(GenerationSettings settings) {
    this.settings = settings;
    this.random = new SplittableRandom(settings.seed());
    this.people = new PeopleGenerator(new SplittableRandom(settings.seed() ^ 0x5EED_0F_1DL));
  }

  /** The registry file's text. */
  public static String yaml(GenerationSettings settings) {
    try {
      return YAML.writeValueAsString(new RegistryGenerator(settings).document());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write generated registry", e);
    }
  }

  /** The generated households, exactly as a gateway or simulator would read them from the file. */
  public static List<Household> households(GenerationSettings settings) {
    JsonNode tree = YAML.valueToTree(new RegistryGenerator(settings).document());
    try {
      return RegistryReader.households(tree);
    } catch (RegistryException e) {
      throw new IllegalStateException("generator produced an invalid registry", e);
    }
  }

  RegistryDocument document() {
    int perCommunity = HOUSEHOLDS_PER_BUILDING * BUILDINGS_PER_GRID * GRIDS_PER_COMMUNITY;
    int communityCount = (settings.households() + perCommunity - 1) / perCommunity;
    List<Community> communities = new ArrayList<>();
    int household = 0;
    int building = 0;
    int grid = 0;
    for (int c = 1; c <= communityCount; c++) {
      List<Grid> grids = new ArrayList<>();
      for (int g = 0; g < GRIDS_PER_COMMUNITY && household < settings.households(); g++) {
        grid++;
        List<Building> buildings = new ArrayList<>();
        for (int b = 0; b < BUILDINGS_PER_GRID && household < settings.households(); b++) {
          building++;
          List<HouseholdEntry> entries = new ArrayList<>();
          for (int h = 0; h < HOUSEHOLDS_PER_BUILDING && household < settings.households(); h++) {
            household++;
            entries.add(household(household, h));
          }
          buildings.add(people.building(building, entries));
        }
        grids.add(people.grid(c, grid, buildings));
      }
      communities.add(people.community(c, grids));
    }
    return new RegistryDocument(communities);
  }

  private HouseholdEntry household(int number, int indexInBuilding) {
    List<DeviceEntry> devices = new ArrayList<>();
    for (DeviceKind kind : kinds()) {
      devices.add(device(kind));
    }
    return people.household(number, indexInBuilding, devices);
  }

  private List<DeviceKind> kinds() {
    List<DeviceKind> kinds = new ArrayList<>();
    int fixed = settings.devicesPerHousehold();
    if (fixed > 0) {
      for (int i = 0; i < fixed; i++) {
        kinds.add(
            i < FIXED_ORDER.size()
                ? FIXED_ORDER.get(i)
                : EXTRA_ROOMS.get((i - FIXED_ORDER.size()) % EXTRA_ROOMS.size()));
      }
      return kinds;
    }
    kinds.add(DeviceKind.EMERGENCY_BUTTON);
    // Draw every chance in a fixed order so one household's mix never shifts the next one's.
    boolean smoke = random.nextDouble() < 0.85;
    boolean door = random.nextDouble() < 0.8;
    boolean motion = random.nextDouble() < 0.8;
    boolean gas = random.nextDouble() < 1.0 / 3;
    boolean health = random.nextDouble() < 1.0 / 3;
    boolean service = random.nextDouble() < 0.1;
    addIf(kinds, smoke, DeviceKind.SMOKE_ALARM);
    addIf(kinds, door, DeviceKind.DOOR_CONTACT);
    addIf(kinds, motion, DeviceKind.MOTION_SENSOR);
    addIf(kinds, gas, DeviceKind.GAS_DETECTOR);
    addIf(kinds, gas, DeviceKind.GAS_VALVE);
    addIf(kinds, health, DeviceKind.HEALTH_MONITOR);
    addIf(kinds, service, DeviceKind.SERVICE_BUTTON);
    return kinds;
  }

  private static void addIf(List<DeviceKind> kinds, boolean present, DeviceKind kind) {
    if (present) {
      kinds.add(kind);
    }
  }

  private DeviceEntry device(DeviceKind kind) {
    int n = counters.merge(kind, 1, Integer::sum);
    String encoding = random.nextDouble() < settings.jsonShare() ? "json" : "protobuf";
    String protocol = random.nextDouble() < settings.mqtt311Share() ? "mqtt311" : "mqtt5";
    return new DeviceEntry(
        kind.idFor(n), kind.registryName(), encoding, protocol, MODELS.get(kind));
  }
}

package io.shouwang.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeRegistryTest {

  private static final int GRIDS = 50;
  private static final int BUILDINGS_PER_GRID = 10;
  private static final int HOUSEHOLDS_PER_BUILDING = 10;
  private static final String[] KINDS = {
    "emergency_button", "smoke_alarm", "door_contact", "motion_sensor"
  };

  @Test
  void fiveThousandHouseholdsLoadWithEveryDeviceFindable(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("large.yaml"), largeRegistry());

    Registry registry = RegistryLoader.load(file);

    assertThat(registry.householdCount()).isEqualTo(5_000);
    assertThat(registry.deviceCount()).isEqualTo(20_000);
    assertThat(registry.communities().get(0).grids()).hasSize(GRIDS);
    PlacedDevice last = registry.device("pir-4999").orElseThrow();
    assertThat(last.household().id()).isEqualTo("hh-4999");
    assertThat(last.building().id()).isEqualTo("b-49-9");
    assertThat(last.grid().id()).isEqualTo("g-49");
    for (int i = 0; i < 5_000; i += 499) {
      assertThat(registry.device("btn-" + i).orElseThrow().household().id()).isEqualTo("hh-" + i);
    }
  }

  private static String largeRegistry() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("communities:\n")
        .append("  - id: large\n    name: 大社区\n")
        .append("    dutyDesk: {name: 值班台, phone: \"+86 21 5555 0100\"}\n")
        .append("    grids:\n");
    int household = 0;
    for (int g = 0; g < GRIDS; g++) {
      yaml.append("      - id: g-")
          .append(g)
          .append("\n        name: 网格 ")
          .append(g)
          .append('\n')
          .append("        caregivers: [{id: cg-")
          .append(g)
          .append(", name: 社工, phone: \"+86 138 0000 0001\"}]\n")
          .append("        buildings:\n");
      for (int b = 0; b < BUILDINGS_PER_GRID; b++) {
        yaml.append("          - id: b-")
            .append(g)
            .append('-')
            .append(b)
            .append("\n            name: ")
            .append(b)
            .append("号楼\n")
            .append("            address: 幸福路 ")
            .append(g)
            .append(" 弄 ")
            .append(b)
            .append(" 号\n")
            .append("            households:\n");
        for (int h = 0; h < HOUSEHOLDS_PER_BUILDING; h++, household++) {
          appendHousehold(yaml, household);
        }
      }
    }
    return yaml.toString();
  }

  private static void appendHousehold(StringBuilder yaml, int n) {
    String indent = "                ";
    yaml.append("              - id: hh-")
        .append(n)
        .append('\n')
        .append(indent)
        .append("flat: \"")
        .append(100 + n % 600)
        .append("\"\n")
        .append(indent)
        .append("residents:\n")
        .append(indent)
        .append("  - id: r-")
        .append(n)
        .append('\n')
        .append(indent)
        .append("    name: 居民")
        .append(n)
        .append('\n')
        .append(indent)
        .append("    birthYear: ")
        .append(1930 + n % 25)
        .append('\n')
        .append(indent)
        .append("    livesAlone: ")
        .append(n % 3 != 0)
        .append('\n')
        .append(indent)
        .append("contacts:\n")
        .append(indent)
        .append("  - id: ct-")
        .append(n)
        .append('\n')
        .append(indent)
        .append("    name: 家属")
        .append(n)
        .append('\n')
        .append(indent)
        .append("    relation: daughter\n")
        .append(indent)
        .append("    phone: \"+86 139 0000 0001\"\n")
        .append(indent)
        .append("    role: family\n")
        .append(indent)
        .append("devices:\n");
    String[] prefixes = {"btn", "smk", "door", "pir"};
    for (int k = 0; k < KINDS.length; k++) {
      yaml.append(indent)
          .append("  - id: ")
          .append(prefixes[k])
          .append('-')
          .append(n)
          .append('\n')
          .append(indent)
          .append("    kind: ")
          .append(KINDS[k])
          .append('\n');
      if (k >= 2) {
        yaml.append(indent)
            .append("    encoding: json\n")
            .append(indent)
            .append("    protocol: mqtt311\n");
      }
    }
  }
}

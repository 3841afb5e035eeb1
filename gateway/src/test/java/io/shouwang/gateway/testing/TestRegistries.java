package io.shouwang.gateway.testing;

import io.shouwang.registry.Registry;
import io.shouwang.registry.RegistryLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small registries for tests: household i (1-based) is hh-000i with devices btn-000i (emergency
 * button), smk-000i (smoke alarm), hm-000i (health monitor, JSON), pir-000i (motion, MQTT 3.1.1),
 * gas-000i (gas detector) and vlv-000i (gas valve).
 */
public final class TestRegistries {

  private TestRegistries() {}

  /** Writes and loads a registry with {@code households} households in one grid. */
  public static Registry households(Path dir, int households) throws Exception {
    return RegistryLoader.load(write(dir, households));
  }

  /** Writes the registry file and returns its path. */
  public static Path write(Path dir, int households) throws Exception {
    StringBuilder y = new StringBuilder("""
        communities:
          - id: test-community
            name: Test community
            dutyDesk: {name: Duty desk, phone: "+86 21 0000 0000", email: duty@example.cn}
            grids:
              - id: g1
                name: Grid 1
                caregivers:
                  - {id: cg-1, name: Carer One, phone: "+86 138 0000 0001"}
                buildings:
                  - id: b1
                    name: Building 1
                    address: 1 Test Road
                    households:
        """);
    for (int i = 1; i <= households; i++) {
      String n = String.format("%04d", i);
      y.append("""
                          - id: hh-%1$s
                            flat: "%2$d"
                            residents:
                              - {id: r-%1$s, name: Resident %1$s, birthYear: 1940, livesAlone: true}
                            contacts:
                              - {id: ct-%1$s, name: Child %1$s, relation: son, phone: "+86 139 0000 0000", role: family}
                            devices:
                              - {id: btn-%1$s, kind: emergency_button}
                              - {id: smk-%1$s, kind: smoke_alarm}
                              - {id: hm-%1$s, kind: health_monitor, encoding: json}
                              - {id: pir-%1$s, kind: motion_sensor, protocol: mqtt311}
                              - {id: gas-%1$s, kind: gas_detector}
                              - {id: vlv-%1$s, kind: gas_valve}
          """.formatted(n, 100 + i));
    }
    Path file = dir.resolve("registry-" + households + ".yaml");
    Files.writeString(file, y.toString());
    return file;
  }
}

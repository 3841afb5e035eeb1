package io.shouwang.gateway.testing;

import io.shouwang.registry.Registry;
import io.shouwang.registry.RegistryLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small registries for tests: household i (1-based) is hh-000i, flat 10i, resident "Resident 000i"
 * (medical notes notes-000i), contact ct-000i, with devices btn-000i (emergency
 * button), smk-000i (smoke alarm), hm-000i (health monitor, JSON), pir-000i (motion, MQTT 3.1.1),
 * gas-000i (gas detector) and vlv-000i (gas valve).
 */
public final class TestRegistries {

  private TestRegistries() {}

  /** Writes and loads a registry with {@code households} households in one grid. */
  public static Registry households(Path dir, int households) throws Exception {
    return RegistryLoader.load(write(dir, households));
  }

  /** The password of every user in {@link #writeWithUsers}. */
  public static final String PASSWORD = "test-password-1";

  /**
   * Writes a registry with people who log in, for scope tests: community c1 has grid g1 (hh-0001,
   * hh-0002; caregiver cg-1) and grid g2 (hh-0003; caregiver cg-2); community c2 has hh-0004.
   * Users (all with {@link #PASSWORD}): desk (duty desk of c1), desk2 (of c2), carer1 (cg-1),
   * carer2 (cg-2), family1 (ct-0001, household hh-0001), family2 (ct-0002, hh-0002), admin.
   * Households have the devices of {@link #write}; residents are "Resident 000n" in flat 10n.
   */
  public static Path writeWithUsers(Path dir) throws Exception {
    String hash = io.shouwang.gateway.auth.PasswordHashes.hash(PASSWORD);
    String y = """
        communities:
          - id: c1
            name: Community One
            dutyDesk: {name: Desk One, phone: "+86 21 0000 0001"}
            grids:
              - id: g1
                name: Grid 1
                caregivers: [{id: cg-1, name: Carer One, phone: "+86 138 0000 0001"}]
                buildings:
                  - id: b1
                    name: Building 1
                    address: 1 Test Road
                    households:
        %1$s%2$s
              - id: g2
                name: Grid 2
                caregivers: [{id: cg-2, name: Carer Two, phone: "+86 138 0000 0002"}]
                buildings:
                  - id: b2
                    name: Building 2
                    address: 2 Test Road
                    households:
        %3$s
          - id: c2
            name: Community Two
            dutyDesk: {name: Desk Two, phone: "+86 21 0000 0002"}
            grids:
              - id: g3
                name: Grid 3
                caregivers: []
                buildings:
                  - id: b3
                    name: Building 3
                    address: 3 Test Road
                    households:
        %4$s
        users:
          - {username: desk, name: Desk User, role: duty_desk, community: c1, passwordHash: "%5$s"}
          - {username: desk2, name: Desk Two User, role: duty_desk, community: c2, passwordHash: "%5$s"}
          - {username: carer1, role: caregiver, caregiver: cg-1, passwordHash: "%5$s"}
          - {username: carer2, role: caregiver, caregiver: cg-2, passwordHash: "%5$s"}
          - {username: family1, role: family, contact: ct-0001, passwordHash: "%5$s"}
          - {username: family2, role: family, contact: ct-0002, passwordHash: "%5$s"}
          - {username: admin, name: Admin User, role: admin, passwordHash: "%5$s"}
        """.formatted(household(1), household(2), household(3), household(4), hash);
    Path file = dir.resolve("registry-users.yaml");
    Files.writeString(file, y);
    return file;
  }

  private static String household(int i) {
    String n = String.format("%04d", i);
    return """
                          - id: hh-%1$s
                            flat: "%2$d"
                            residents:
                              - {id: r-%1$s, name: Resident %1$s, birthYear: 1940, livesAlone: true, medicalNotes: notes-%1$s}
                            contacts:
                              - {id: ct-%1$s, name: Child %1$s, relation: son, phone: "+86 139 0000 0000", role: family}
                            devices:
                              - {id: btn-%1$s, kind: emergency_button}
                              - {id: smk-%1$s, kind: smoke_alarm}
                              - {id: hm-%1$s, kind: health_monitor, encoding: json}
                              - {id: pir-%1$s, kind: motion_sensor, protocol: mqtt311}
                              - {id: gas-%1$s, kind: gas_detector}
                              - {id: vlv-%1$s, kind: gas_valve}
        """.formatted(n, 100 + i);
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
      y.append(household(i));
    }
    Path file = dir.resolve("registry-" + households + ".yaml");
    Files.writeString(file, y.toString());
    return file;
  }
}

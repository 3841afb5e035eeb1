package io.shouwang.sim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.shouwang.schemas.Encoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryGeneratorTest {

  private static GenerationSettings settings(int households) {
    return new GenerationSettings(households, 0, 0.1, 0.1, 1);
  }

  @Test
  void everyLevelHasTheKeysTheGatewayRequires() throws Exception {
    JsonNode root = new YAMLMapper().readTree(RegistryGenerator.yaml(settings(60)));

    assertThat(root.fieldNames()).toIterable().containsExactly("communities");
    for (JsonNode community : root.get("communities")) {
      assertThat(community.fieldNames())
          .toIterable()
          .containsExactly("id", "name", "dutyDesk", "grids");
      assertThat(community.get("dutyDesk").fieldNames())
          .toIterable()
          .containsExactly("name", "phone", "email");
      for (JsonNode grid : community.get("grids")) {
        assertThat(grid.fieldNames())
            .toIterable()
            .containsExactly("id", "name", "caregivers", "buildings");
        assertThat(grid.get("caregivers")).isNotEmpty();
        grid.get("caregivers")
            .forEach(
                c ->
                    assertThat(c.fieldNames()).toIterable().containsExactly("id", "name", "phone"));
        for (JsonNode building : grid.get("buildings")) {
          assertThat(building.fieldNames())
              .toIterable()
              .containsExactly("id", "name", "address", "households");
          for (JsonNode hh : building.get("households")) {
            assertThat(hh.fieldNames())
                .toIterable()
                .containsExactly("id", "flat", "residents", "contacts", "devices");
            hh.get("residents")
                .forEach(
                    r -> {
                      assertThat(r.fieldNames())
                          .toIterable()
                          .containsExactly("id", "name", "birthYear", "livesAlone");
                      assertThat(r.get("birthYear").isInt()).isTrue();
                      assertThat(r.get("livesAlone").isBoolean()).isTrue();
                    });
            hh.get("contacts")
                .forEach(
                    c -> {
                      assertThat(c.fieldNames())
                          .toIterable()
                          .containsExactly("id", "name", "relation", "phone", "role");
                      assertThat(c.get("role").asText())
                          .isIn("family", "neighbour", "key_holder", "doctor");
                      assertThat(c.get("phone").isTextual()).isTrue();
                    });
            hh.get("devices")
                .forEach(
                    d ->
                        assertThat(d.fieldNames())
                            .toIterable()
                            .containsExactly("id", "kind", "encoding", "protocol", "model"));
          }
        }
      }
    }
  }

  @Test
  void idsAreSequentialZeroPaddedAndUnique() {
    List<Household> households = RegistryGenerator.households(settings(12));

    assertThat(households)
        .extracting(Household::id)
        .containsExactly(
            "hh-0001", "hh-0002", "hh-0003", "hh-0004", "hh-0005", "hh-0006", "hh-0007", "hh-0008",
            "hh-0009", "hh-0010", "hh-0011", "hh-0012");
    List<String> buttons =
        households.stream()
            .map(h -> h.first(DeviceKind.EMERGENCY_BUTTON).orElseThrow().id())
            .toList();
    assertThat(buttons).first().isEqualTo("btn-0001");
    assertThat(buttons).last().isEqualTo("btn-0012");
    List<DeviceSpec> devices = households.stream().flatMap(h -> h.devices().stream()).toList();
    assertThat(devices)
        .extracting(DeviceSpec::id)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("(btn|svc|smk|gas|vlv|door|pir|hm)-\\d{4,}"));
  }

  @Test
  void aLargeRegistryHasThePromisedProportions() {
    List<Household> households = RegistryGenerator.households(settings(3000));

    Map<DeviceKind, Long> withKind =
        households.stream()
            .flatMap(h -> h.devices().stream().map(DeviceSpec::kind).distinct())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(withKind.get(DeviceKind.EMERGENCY_BUTTON)).isEqualTo(3000);
    assertThat(withKind.get(DeviceKind.SMOKE_ALARM)).isBetween(2400L, 2700L);
    assertThat(withKind.get(DeviceKind.DOOR_CONTACT)).isBetween(2250L, 2550L);
    assertThat(withKind.get(DeviceKind.MOTION_SENSOR)).isBetween(2250L, 2550L);
    assertThat(withKind.get(DeviceKind.GAS_DETECTOR))
        .isBetween(850L, 1150L)
        .isEqualTo(withKind.get(DeviceKind.GAS_VALVE));
    assertThat(withKind.get(DeviceKind.HEALTH_MONITOR)).isBetween(850L, 1150L);
    assertThat(withKind.get(DeviceKind.SERVICE_BUTTON)).isBetween(200L, 400L);
    assertThat(households)
        .allMatch(
            h ->
                h.devices().stream().filter(d -> d.kind() == DeviceKind.GAS_VALVE).count()
                    == h.devices().stream()
                        .filter(d -> d.kind() == DeviceKind.GAS_DETECTOR)
                        .count());
    long json =
        households.stream()
            .flatMap(h -> h.devices().stream())
            .filter(d -> d.encoding() == Encoding.JSON)
            .count();
    long all = households.stream().mapToLong(h -> h.devices().size()).sum();
    assertThat((double) json / all).isBetween(0.07, 0.13);
  }

  @Test
  void aFixedDeviceCountGivesEveryHouseholdExactlyThatMany() {
    List<Household> households =
        RegistryGenerator.households(new GenerationSettings(5, 10, 0, 0, 1));

    assertThat(households).allMatch(h -> h.devices().size() == 10);
    assertThat(households.get(0).devices())
        .extracting(DeviceSpec::kind)
        .startsWith(
            DeviceKind.EMERGENCY_BUTTON,
            DeviceKind.SMOKE_ALARM,
            DeviceKind.DOOR_CONTACT,
            DeviceKind.MOTION_SENSOR,
            DeviceKind.GAS_DETECTOR,
            DeviceKind.GAS_VALVE,
            DeviceKind.HEALTH_MONITOR,
            DeviceKind.SERVICE_BUTTON);
  }

  @Test
  void sameSettingsGiveTheSameFileAndAnotherSeedAnotherOne() {
    assertThat(RegistryGenerator.yaml(settings(50)))
        .isEqualTo(RegistryGenerator.yaml(settings(50)));
    assertThat(RegistryGenerator.yaml(new GenerationSettings(50, 0, 0.1, 0.1, 2)))
        .isNotEqualTo(RegistryGenerator.yaml(settings(50)));
  }

  @Test
  void theWrittenFileReadsBackAsTheSameHouseholds(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("registry.yaml");
    Files.writeString(file, RegistryGenerator.yaml(settings(700)));

    assertThat(RegistryReader.read(file)).isEqualTo(RegistryGenerator.households(settings(700)));
  }

  @Test
  void aRegistryOfACityBeyondSnakeYamlsDefaultLimitReadsBack(@TempDir Path dir) throws Exception {
    // GIVEN 5,000 generated households: about 8 MB of YAML, beyond SnakeYAML's default 3 MiB
    Path file = dir.resolve("registry.yaml");
    Files.writeString(file, RegistryGenerator.yaml(settings(5000)));
    assertThat(Files.size(file)).isGreaterThan(3L * 1024 * 1024);

    // WHEN it is read, THEN every household comes back
    assertThat(RegistryReader.read(file)).hasSize(5000);
  }

  @Test
  void readerDefaultsEncodingAndProtocolAndNamesTheBadKey(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(
        good,
        """
        communities:
          - id: c1
            grids:
              - id: g1
                buildings:
                  - id: b1
                    households:
                      - id: hh-9
                        devices:
                          - {id: btn-9, kind: emergency_button}
        """);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(good).replace("emergency_button", "toaster"));

    assertThat(RegistryReader.read(good))
        .containsExactly(
            new Household(
                "hh-9",
                List.of(
                    new DeviceSpec(
                        "btn-9",
                        "hh-9",
                        DeviceKind.EMERGENCY_BUTTON,
                        Encoding.PROTOBUF,
                        Protocol.MQTT5,
                        null))));
    assertThatThrownBy(() -> RegistryReader.read(bad))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("communities[0].grids[0].buildings[0].households[0].devices[0].kind")
        .hasMessageContaining("toaster");
  }
}

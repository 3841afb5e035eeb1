package io.shouwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryValidationTest {

  private static final Year THIS_YEAR = Year.of(2026);
  private static final String G0 = "communities[0].grids[0]";
  private static final String HH0 = G0 + ".buildings[0].households[0]";
  private static final String HH1 = G0 + ".buildings[0].households[1]";
  private static final String HH2 = "communities[0].grids[1].buildings[0].households[0]";
  private static final String ID_RULE =
      "(1-64 letters, digits, '.', '_' or '-', starting with a letter or digit)";
  private static final String KINDS =
      "emergency_button, service_button, smoke_alarm, gas_detector, gas_valve, door_contact,"
          + " motion_sensor, health_monitor";

  /** A valid registry; each case below breaks it in one place. */
  static final String VALID =
      """
      communities:
        - id: c1
          name: 幸福里社区
          dutyDesk:
            name: 值班台
            phone: "+86 21 5555 0100"
            email: duty@c1.example.cn
          grids:
            - id: g1
              name: 第一网格
              caregivers:
                - id: cg1
                  name: 张敏
                  phone: "+86 138 0000 0001"
              buildings:
                - id: b1
                  name: 1号楼
                  address: 幸福路 1 号
                  households:
                    - id: hh-1
                      flat: "101"
                      keyHolder: 邻居 李阿姨 (102)
                      residents:
                        - id: r1
                          name: 王秀英
                          birthYear: 1938
                          livesAlone: true
                          language: zh
                      contacts:
                        - id: ct1
                          name: 王丽
                          relation: daughter
                          phone: "+86 139 0000 0001"
                          email: wangli@example.cn
                          role: family
                      devices:
                        - id: btn-1
                          kind: emergency_button
                        - id: smk-1
                          kind: smoke_alarm
                          encoding: protobuf
                          protocol: mqtt5
                    - id: hh-2
                      flat: "102"
                      residents: [{id: r2, name: 李建国, birthYear: 1940, livesAlone: true}]
                      contacts:
                        - {id: ct2, name: 刘阿姨, relation: neighbour, phone: "139", role: neighbour}
                      devices: [{id: btn-2, kind: emergency_button}]
            - id: g2
              name: 第二网格
              caregivers: [{id: cg2, name: 顾卫东, phone: "+86 138 0000 0002"}]
              buildings:
                - id: b2
                  name: 2号楼
                  address: 幸福路 2 号
                  households:
                    - id: hh-3
                      flat: "201"
                      residents: [{id: r3, name: 赵桂兰, birthYear: 1935, livesAlone: true}]
                      devices: [{id: btn-3, kind: emergency_button}]
      """;

  @TempDir Path dir;

  @Test
  void validTemplateLoads() throws Exception {
    Registry registry = RegistryLoader.load(write("registry.yaml", VALID), THIS_YEAR);

    assertThat(registry.householdCount()).isEqualTo(3);
    assertThat(registry.deviceCount()).isEqualTo(4);
  }

  static Stream<Arguments> oneMistake() {
    return Stream.of(
        Arguments.of(
            "camelCase typo in an optional key",
            "keyHolder:",
            "keyholder:",
            HH0
                + ".keyholder: unknown key"
                + " (expected one of id, flat, keyHolder, residents, contacts, devices)"),
        Arguments.of(
            "required key missing",
            "name: 王秀英",
            null,
            HH0 + ".residents[0]: missing required key 'name'"),
        Arguments.of(
            "required device kind missing",
            "kind: smoke_alarm",
            null,
            HH0 + ".devices[1]: missing required key 'kind'"),
        Arguments.of(
            "required list missing",
            "devices: [{id: btn-3",
            null,
            HH2 + ": missing required key 'devices'"),
        Arguments.of(
            "required text empty",
            "name: 幸福里社区",
            "name: \"\"",
            "communities[0].name: must not be empty"),
        Arguments.of(
            "quoted number where a number is expected",
            "birthYear: 1938",
            "birthYear: \"1938\"",
            HH0 + ".residents[0].birthYear: expected a whole number, got text '1938'"),
        Arguments.of(
            "text where a boolean is expected",
            "livesAlone: true\n",
            "livesAlone: sometimes\n",
            HH0 + ".residents[0].livesAlone: expected true or false, got text 'sometimes'"),
        Arguments.of(
            "mapping where a list is expected",
            "residents: [{id: r2, name: 李建国, birthYear: 1940, livesAlone: true}]",
            "residents: {id: r2, name: 李建国, birthYear: 1940, livesAlone: true}",
            HH1 + ".residents: expected a list, got a mapping"),
        Arguments.of(
            "list where text is expected",
            "name: 张敏",
            "name: [张, 敏]",
            G0 + ".caregivers[0].name: expected text, got a list"),
        Arguments.of(
            "invalid device id",
            "id: btn-1",
            "id: btn 1",
            HH0 + ".devices[0].id: invalid device id 'btn 1' " + ID_RULE),
        Arguments.of(
            "invalid household id",
            "id: hh-1",
            "id: _hh-1",
            HH0 + ".id: invalid household id '_hh-1' " + ID_RULE),
        Arguments.of(
            "id longer than 64 characters",
            "id: b2",
            "id: " + "b".repeat(65),
            "communities[0].grids[1].buildings[0].id: invalid building id '"
                + "b".repeat(65)
                + "' "
                + ID_RULE),
        Arguments.of(
            "unknown device kind",
            "kind: smoke_alarm",
            "kind: smok_alarm",
            HH0
                + ".devices[1].kind: unknown device kind 'smok_alarm' (expected one of "
                + KINDS
                + ")"),
        Arguments.of(
            "unknown encoding",
            "encoding: protobuf",
            "encoding: cbor",
            HH0 + ".devices[1].encoding: unknown encoding 'cbor' (expected one of protobuf, json)"),
        Arguments.of(
            "unknown protocol",
            "protocol: mqtt5",
            "protocol: mqtt3",
            HH0
                + ".devices[1].protocol: unknown protocol 'mqtt3' (expected one of mqtt5,"
                + " mqtt311)"),
        Arguments.of(
            "unknown contact role",
            "role: family",
            "role: friend",
            HH0
                + ".contacts[0].role: unknown contact role 'friend'"
                + " (expected one of family, neighbour, key_holder, doctor)"),
        Arguments.of(
            "unknown language",
            "language: zh",
            "language: fr",
            HH0 + ".residents[0].language: unknown language 'fr' (expected one of zh, en)"),
        Arguments.of(
            "birth year before 1900",
            "birthYear: 1938",
            "birthYear: 1899",
            HH0 + ".residents[0].birthYear: birth year 1899 outside 1900..2026"),
        Arguments.of(
            "birth year in the future",
            "birthYear: 1938",
            "birthYear: 2027",
            HH0 + ".residents[0].birthYear: birth year 2027 outside 1900..2026"),
        Arguments.of(
            "household without residents",
            "residents: [{id: r2, name: 李建国, birthYear: 1940, livesAlone: true}]",
            "residents: []",
            HH1 + ".residents: a household needs at least one resident"),
        Arguments.of(
            "household without devices",
            "devices: [{id: btn-2, kind: emergency_button}]",
            "devices: []",
            HH1 + ".devices: a household needs at least one device"),
        Arguments.of(
            "household with an empty devices key",
            "devices: [{id: btn-2, kind: emergency_button}]",
            "devices:",
            HH1 + ".devices: a household needs at least one device"),
        Arguments.of(
            "invalid phone number",
            "phone: \"+86 139 0000 0001\"",
            "phone: call 139",
            HH0
                + ".contacts[0].phone: invalid phone number 'call 139'"
                + " (digits, spaces, '-', '(' and ')', optionally starting with '+')"),
        Arguments.of(
            "invalid e-mail address",
            "email: wangli@example.cn",
            "email: wangli.example.cn",
            HH0 + ".contacts[0].email: invalid e-mail address 'wangli.example.cn'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneMistake")
  void oneMistakeGivesExactlyOneErrorNamingItsPath(
      String mistake, String find, String replace, String expected) throws Exception {
    String broken = replace == null ? withoutLine(VALID, find) : replaceOnce(VALID, find, replace);

    RegistryException e = failure(broken);

    assertThat(e.errors()).containsExactly(expected);
    assertThat(e.getMessage()).startsWith("registry " + dir.resolve("registry.yaml") + ": line ");
    assertThat(e.getMessage()).endsWith(expected);
  }

  static Stream<Arguments> duplicateIds() {
    return Stream.of(
        Arguments.of(
            "device", "id: btn-2", "id: btn-1", HH1 + ".devices[0].id", HH0 + ".devices[0].id"),
        Arguments.of("household", "id: hh-3", "id: hh-1", HH2 + ".id", HH0 + ".id"),
        Arguments.of(
            "resident", "id: r3", "id: r1", HH2 + ".residents[0].id", HH0 + ".residents[0].id"),
        Arguments.of(
            "contact", "id: ct2", "id: ct1", HH1 + ".contacts[0].id", HH0 + ".contacts[0].id"),
        Arguments.of(
            "caregiver",
            "id: cg2",
            "id: cg1",
            "communities[0].grids[1].caregivers[0].id",
            G0 + ".caregivers[0].id"),
        Arguments.of("grid", "id: g2", "id: g1", "communities[0].grids[1].id", G0 + ".id"),
        Arguments.of(
            "building",
            "id: b2",
            "id: b1",
            "communities[0].grids[1].buildings[0].id",
            G0 + ".buildings[0].id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("duplicateIds")
  void duplicateIdNamesBothPlaces(
      String type, String find, String replace, String secondPath, String firstPath)
      throws Exception {
    String id = replace.substring("id: ".length());

    RegistryException e = failure(replaceOnce(VALID, find, replace));

    assertThat(e.errors())
        .containsExactly(
            secondPath
                + ": duplicate "
                + type
                + " id '"
                + id
                + "' (first defined at "
                + firstPath
                + ", line "
                + lineOf(VALID, replace)
                + ")");
  }

  @Test
  void duplicateCommunityIdNamesBothPlaces() throws Exception {
    String second =
        """
          - id: c1
            name: 第二社区
            dutyDesk: {name: 值班台, phone: "+86 21 5555 0200"}
        """;

    RegistryException e = failure(VALID + second);

    assertThat(e.errors())
        .containsExactly(
            "communities[1].id: duplicate community id 'c1' (first defined at communities[0].id,"
                + " line 2)");
  }

  @Test
  void duplicateDeviceIdNamesBothPlaces() throws Exception {
    String broken = replaceOnce(VALID, "id: btn-3", "id: smk-1");

    RegistryException e = failure(broken);

    assertThat(e.getMessage())
        .isEqualTo(
            "registry "
                + dir.resolve("registry.yaml")
                + ": line "
                + lineOf(broken, "[{id: smk-1")
                + ": "
                + HH2
                + ".devices[0].id: duplicate device id 'smk-1' (first defined at "
                + HH0
                + ".devices[1].id, line "
                + lineOf(VALID, "id: smk-1")
                + ")");
  }

  @Test
  void sameIdInDifferentTypesIsAllowed() throws Exception {
    Registry registry =
        RegistryLoader.load(
            write("registry.yaml", replaceOnce(VALID, "id: r1", "id: hh-1")), THIS_YEAR);

    assertThat(registry.household("hh-1").orElseThrow().residents().get(0).id()).isEqualTo("hh-1");
  }

  @Test
  void gridWithoutCaregiversIsAllowed() throws Exception {
    Registry registry =
        RegistryLoader.load(write("registry.yaml", withoutLine(VALID, "id: cg2")), THIS_YEAR);

    assertThat(registry.placedHousehold("hh-3").orElseThrow().grid().caregivers()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1900, 2026})
  void birthYearBoundsAreInclusive(int year) throws Exception {
    Registry registry =
        RegistryLoader.load(
            write("registry.yaml", replaceOnce(VALID, "birthYear: 1938", "birthYear: " + year)),
            THIS_YEAR);

    assertThat(registry.household("hh-1").orElseThrow().residents().get(0).birthYear())
        .isEqualTo(year);
  }

  @Test
  void unknownDeviceKindMessageNamesFileLineAndElementPath() throws Exception {
    RegistryException e = failure(replaceOnce(VALID, "kind: smoke_alarm", "kind: smok_alarm"));

    assertThat(e.getMessage())
        .isEqualTo(
            "registry "
                + dir.resolve("registry.yaml")
                + ": line "
                + lineOf(VALID, "kind: smoke_alarm")
                + ": "
                + HH0
                + ".devices[1].kind: unknown device kind 'smok_alarm' (expected one of "
                + KINDS
                + ")");
  }

  @Test
  void allMistakesAreReportedTogetherInFileOrder() throws Exception {
    String broken = replaceOnce(VALID, "kind: smoke_alarm", "kind: smok_alarm");
    broken = replaceOnce(broken, "name: 幸福里社区", "nam: 幸福里社区");
    broken = replaceOnce(broken, "birthYear: 1935", "birthYear: 1850");

    RegistryException e = failure(broken);

    assertThat(e.errors())
        .containsExactly(
            "communities[0]: missing required key 'name'",
            "communities[0].nam: unknown key (expected one of id, name, dutyDesk, grids)",
            HH0
                + ".devices[1].kind: unknown device kind 'smok_alarm' (expected one of "
                + KINDS
                + ")",
            HH2 + ".residents[0].birthYear: birth year 1850 outside 1900..2026");
    assertThat(e.getMessage().lines())
        .hasSize(5)
        .first()
        .isEqualTo("registry " + dir.resolve("registry.yaml") + ": 4 errors");
    assertThat(e.getMessage().lines().skip(1)).allMatch(l -> l.matches("  line \\d+: .+"));
  }

  @Test
  void beyondTwentyErrorsTheMessageCountsTheRest() throws Exception {
    StringBuilder devices = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      devices.append("{id: d-").append(i).append(", kind: toaster},");
    }
    String broken =
        replaceOnce(
            VALID, "devices: [{id: btn-3, kind: emergency_button}]", "devices: [" + devices + "]");

    RegistryException e = failure(broken);

    assertThat(e.errors()).hasSize(25);
    assertThat(e.getMessage().lines()).hasSize(1 + 20 + 1);
    assertThat(e.getMessage()).contains(": 25 errors\n").endsWith("\n  … and 5 more");
  }

  @Test
  void repeatedKeyNamesBothLines() throws Exception {
    String broken = insertLineAfter(VALID, "name: 王秀英", "name: 王秀兰");

    RegistryException e = failure(broken);

    assertThat(e.errors())
        .containsExactly(
            HH0
                + ".residents[0].name: repeated key (first at line "
                + lineOf(broken, "name: 王秀英")
                + ")");
  }

  @Test
  void yamlAliasIsRejectedRatherThanReadAsItsName() throws Exception {
    String broken = replaceOnce(VALID, "address: 幸福路 1 号", "address: &street 幸福路 1 号");
    broken = replaceOnce(broken, "address: 幸福路 2 号", "address: *street");

    RegistryException e = failure(broken);

    assertThat(e.errors())
        .containsExactly(
            "communities[0].grids[1].buildings[0].address: YAML aliases (*street) are not"
                + " supported: write the value out");
  }

  @Test
  void mappingExpectedButTextGiven() throws Exception {
    String second =
        """
          - id: c2
            name: 第二社区
            dutyDesk: 值班台
        """;

    RegistryException e = failure(VALID + second);

    assertThat(e.errors())
        .containsExactly("communities[1].dutyDesk: expected a mapping, got text '值班台'");
  }

  @Test
  void unknownTopLevelKeyIsAnError() throws Exception {
    RegistryException e = failure("version: 2\n" + VALID);

    assertThat(e.errors()).containsExactly("version: unknown key (expected one of communities, users)");
  }

  @Test
  void topLevelMustBeAMapping() throws Exception {
    RegistryException e = failure("- id: c1\n- id: c2\n");

    assertThat(e.errors())
        .containsExactly("the top level must be a mapping with the key 'communities', got a list");
  }

  @Test
  void registryWithoutCommunitiesIsAnError() throws Exception {
    assertThat(failure("communities: []\n").errors())
        .containsExactly("communities: the registry needs at least one community");
    assertThat(failure("{}\n").errors()).containsExactly("missing required key 'communities'");
  }

  @Test
  void secondYamlDocumentIsAnError() throws Exception {
    RegistryException e = failure(VALID + "---\n" + VALID);

    assertThat(e.errors())
        .containsExactly("more than one YAML document: a registry is a single document");
  }

  @Test
  void yamlSyntaxErrorGivesLineAndColumn() throws Exception {
    RegistryException e = failure("communities:\n  - id: c1\n    name: a: b\n");

    assertThat(e.getMessage())
        .isEqualTo(
            "registry "
                + dir.resolve("registry.yaml")
                + ": YAML syntax error at line 3, column 12: mapping values are not allowed here");
  }

  @Test
  void jsonSyntaxErrorGivesLineAndColumn() throws Exception {
    Path file = write("registry.json", "{\n  \"communities\": [\n    {\"id\": \"c1\",}\n  ]\n}\n");

    RegistryException e = failure(file);

    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0))
        .startsWith("JSON syntax error at line 3, column 17: Unexpected character ('}'");
  }

  @Test
  void missingFileIsReported() {
    Path file = dir.resolve("nowhere.yaml");

    assertThat(failure(file).getMessage()).isEqualTo("registry " + file + ": file not found");
  }

  @Test
  void directoryIsReported() {
    assertThat(failure(dir).getMessage())
        .isEqualTo("registry " + dir + ": is a directory, not a file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "# just a comment\n", "---\n"})
  void emptyFileIsReported(String content) throws Exception {
    assertThat(failure(content).errors()).containsExactly("file is empty");
  }

  @Test
  void fileThatIsNotUtf8IsReported() throws Exception {
    Path file = dir.resolve("registry.yaml");
    Files.write(file, "communities: \u738b".getBytes(StandardCharsets.UTF_16LE));

    assertThat(failure(file).errors()).containsExactly("file is not UTF-8 text");
  }

  @Test
  void byteOrderMarkIsIgnored() throws Exception {
    Registry registry = RegistryLoader.load(write("registry.yaml", "\uFEFF" + VALID), THIS_YEAR);

    assertThat(registry.householdCount()).isEqualTo(3);
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private RegistryException failure(String yaml) throws Exception {
    return failure(write("registry.yaml", yaml));
  }

  private static RegistryException failure(Path file) {
    try {
      Registry registry = RegistryLoader.load(file, THIS_YEAR);
      return fail("expected a RegistryException, loaded " + registry);
    } catch (RegistryException e) {
      return e;
    }
  }

  private static String replaceOnce(String text, String find, String replace) {
    assertThat(text.indexOf(find))
        .as("'%s' occurs once", find)
        .isEqualTo(text.lastIndexOf(find))
        .isNotNegative();
    return text.replace(find, replace);
  }

  private static String withoutLine(String text, String find) {
    List<String> lines = text.lines().toList();
    assertThat(lines.stream().filter(l -> l.contains(find)))
        .as("'%s' occurs once", find)
        .hasSize(1);
    return String.join("\n", lines.stream().filter(l -> !l.contains(find)).toList()) + "\n";
  }

  /** Inserts a line after the one containing {@code find}, with the same indentation. */
  private static String insertLineAfter(String text, String find, String line) {
    StringBuilder result = new StringBuilder();
    for (String l : text.lines().toList()) {
      result.append(l).append('\n');
      if (l.contains(find)) {
        result.append(l, 0, l.indexOf(l.strip())).append(line).append('\n');
      }
    }
    return result.toString();
  }

  private static int lineOf(String text, String find) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(find)) {
        return i + 1;
      }
    }
    throw new AssertionError("not found: " + find);
  }
}

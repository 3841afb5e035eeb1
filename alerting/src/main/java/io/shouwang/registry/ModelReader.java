package io.shouwang.registry;

import io.shouwang.schemas.Encoding;
import io.shouwang.schemas.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Turns a parsed registry file into the model, checking every rule of REGISTRY.md.
 *
 * <p>Each element is built only when it and everything below it are valid; otherwise the problems
 * are reported and the walk goes on, so that one run finds every mistake in the file.
 */
final class ModelReader {

  private static final List<String> LANGUAGES = List.of("zh", "en");
  private static final int FIRST_BIRTH_YEAR = 1900;

  private static final List<String> ROOT = List.of("communities", "users");
  private static final List<String> COMMUNITY = List.of("id", "name", "dutyDesk", "grids");
  private static final List<String> DUTY_DESK = List.of("name", "phone", "email");
  private static final List<String> GRID = List.of("id", "name", "caregivers", "buildings");
  private static final List<String> CAREGIVER = List.of("id", "name", "phone", "email");
  private static final List<String> BUILDING = List.of("id", "name", "address", "households");
  private static final List<String> HOUSEHOLD =
      List.of("id", "flat", "keyHolder", "residents", "contacts", "devices");
  private static final List<String> RESIDENT =
      List.of(
          "id",
          "name",
          "birthYear",
          "livesAlone",
          "language",
          "medicalNotes",
          "vitals",
          "quietWindows");
  private static final List<String> CONTACT =
      List.of("id", "name", "relation", "phone", "email", "role");
  private static final List<String> DEVICE = List.of("id", "kind", "encoding", "protocol", "model");

  private static final String ID_RULE =
      "1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";
  // Loose on purpose: numbers are written many ways, but letters or a missing digit are typos.
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Where an id was first defined, for the "duplicate id" message. */
  private record Place(String path, int line) {}

  private final Problems problems;
  private final int thisYear;
  private final OverridesReader overrides;
  private final Map<String, Map<String, Place>> idsByType = new HashMap<>();
  private List<UserAccount> users = List.of();

  ModelReader(Problems problems, int thisYear) {
    this.problems = problems;
    this.thisYear = thisYear;
    this.overrides = new OverridesReader(problems);
  }

  /** The communities in the file; meaningful only when no problem was reported. */
  List<Community> read(Node root) {
    if (root instanceof Node.Scalar s && s.isEmpty()) {
      // A file with only "---" or "~" in it.
      problems.add(0, "", "file is empty");
      return List.of();
    }
    if (Node.isReported(root)) {
      return List.of();
    }
    if (!(root instanceof Node.Mapping)) {
      problems.add(
          root,
          "",
          "the top level must be a mapping with the key 'communities', got " + root.describe());
      return List.of();
    }
    Fields fields = Fields.of(root, "", problems, ROOT);
    List<Fields.Item> items = fields.list("communities", true);
    if (items != null && items.isEmpty()) {
      problems.add(
          fields.line("communities"), "communities", "the registry needs at least one community");
    }
    List<Community> communities = all(items, this::community);
    users = new UsersReader(problems, communities).read(fields.list("users", false));
    return communities;
  }

  /** The accounts in the file's {@code users} list; read by {@link #read}. */
  List<UserAccount> users() {
    return users;
  }

  private Community community(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, COMMUNITY);
    if (f == null) {
      return null;
    }
    String id = id(f, "community");
    String name = f.requiredText("name");
    DutyDesk dutyDesk = dutyDesk(f.mapping("dutyDesk", DUTY_DESK));
    List<Grid> grids = all(f.list("grids", false), this::grid);
    return problems.count() == before ? new Community(id, name, dutyDesk, grids) : null;
  }

  private DutyDesk dutyDesk(Fields f) {
    if (f == null) {
      return null;
    }
    int before = problems.count();
    String name = f.requiredText("name");
    String phone = phone(f);
    String email = email(f);
    return problems.count() == before ? new DutyDesk(name, phone, email) : null;
  }

  private Grid grid(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, GRID);
    if (f == null) {
      return null;
    }
    String id = id(f, "grid");
    String name = f.requiredText("name");
    // A grid may be registered before its caregivers are assigned.
    List<Caregiver> caregivers = all(f.list("caregivers", false), this::caregiver);
    List<Building> buildings = all(f.list("buildings", false), this::building);
    return problems.count() == before ? new Grid(id, name, caregivers, buildings) : null;
  }

  private Caregiver caregiver(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, CAREGIVER);
    if (f == null) {
      return null;
    }
    String id = id(f, "caregiver");
    String name = f.requiredText("name");
    String phone = phone(f);
    String email = email(f);
    return problems.count() == before ? new Caregiver(id, name, phone, email) : null;
  }

  private Building building(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, BUILDING);
    if (f == null) {
      return null;
    }
    String id = id(f, "building");
    String name = f.requiredText("name");
    String address = f.requiredText("address");
    List<Household> households = all(f.list("households", false), this::household);
    return problems.count() == before ? new Building(id, name, address, households) : null;
  }

  private Household household(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, HOUSEHOLD);
    if (f == null) {
      return null;
    }
    String id = id(f, "household");
    String flat = f.requiredText("flat");
    String keyHolder = f.optionalText("keyHolder");
    List<Resident> residents = all(nonEmpty(f, "residents", "resident"), this::resident);
    List<Contact> contacts = all(f.list("contacts", false), this::contact);
    List<Device> devices = all(nonEmpty(f, "devices", "device"), this::device);
    return problems.count() == before
        ? new Household(id, flat, keyHolder, residents, contacts, devices)
        : null;
  }

  private Resident resident(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, RESIDENT);
    if (f == null) {
      return null;
    }
    String id = id(f, "resident");
    String name = f.requiredText("name");
    Integer birthYear = f.requiredInt("birthYear");
    if (birthYear != null && (birthYear < FIRST_BIRTH_YEAR || birthYear > thisYear)) {
      problems.add(
          f.line("birthYear"),
          f.path("birthYear"),
          "birth year " + birthYear + " outside " + FIRST_BIRTH_YEAR + ".." + thisYear);
    }
    Boolean livesAlone = f.requiredBoolean("livesAlone");
    String language = f.choice("language", "language", "zh", ModelReader::language, LANGUAGES);
    String medicalNotes = f.optionalText("medicalNotes");
    Map<VitalLimit, Double> vitals = overrides.vitals(f);
    List<QuietWindow> quietWindows = overrides.quietWindows(f);
    return problems.count() == before
        ? new Resident(
            id, name, birthYear, livesAlone, language, medicalNotes, vitals, quietWindows)
        : null;
  }

  private Contact contact(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, CONTACT);
    if (f == null) {
      return null;
    }
    String id = id(f, "contact");
    String name = f.requiredText("name");
    String relation = f.requiredText("relation");
    String phone = phone(f);
    String email = email(f);
    ContactRole role =
        f.choice(
            "role", "contact role", null, ContactRole::fromYamlName, names(ContactRole.values()));
    return problems.count() == before ? new Contact(id, name, relation, phone, email, role) : null;
  }

  private Device device(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, DEVICE);
    if (f == null) {
      return null;
    }
    String id = id(f, "device");
    DeviceKind kind =
        f.choice("kind", "device kind", null, DeviceKind::fromYamlName, names(DeviceKind.values()));
    Encoding encoding =
        f.choice("encoding", "encoding", Encoding.PROTOBUF, ModelReader::encoding, encodingNames());
    MqttProtocol protocol =
        f.choice(
            "protocol",
            "protocol",
            MqttProtocol.MQTT_5,
            MqttProtocol::fromYamlName,
            Arrays.stream(MqttProtocol.values()).map(MqttProtocol::yamlName).toList());
    String model = f.optionalText("model");
    return problems.count() == before ? new Device(id, kind, encoding, protocol, model) : null;
  }

  /** The id of an element, checked for format and for uniqueness among elements of its type. */
  private String id(Fields f, String type) {
    String id = f.requiredText("id");
    if (id == null) {
      return null;
    }
    String path = f.path("id");
    int line = f.line("id");
    // Every id may end up in a topic, a tag or a URL, so all follow the device id rule.
    if (!Topic.isValidDeviceId(id)) {
      problems.add(line, path, "invalid " + type + " id '" + id + "' (" + ID_RULE + ")");
      return null;
    }
    Place first =
        idsByType
            .computeIfAbsent(type, t -> new HashMap<>())
            .putIfAbsent(id, new Place(path, line));
    if (first != null) {
      problems.add(
          line,
          path,
          String.format(
              "duplicate %s id '%s' (first defined at %s, line %d)",
              type, id, first.path(), first.line()));
    }
    return id;
  }

  private String phone(Fields f) {
    String phone = f.requiredText("phone");
    if (phone != null && !PHONE.matcher(phone).matches()) {
      problems.add(
          f.line("phone"),
          f.path("phone"),
          "invalid phone number '"
              + phone
              + "' (digits, spaces, '-', '(' and ')', optionally starting with '+')");
      return null;
    }
    return phone;
  }

  private String email(Fields f) {
    String email = f.optionalText("email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      problems.add(f.line("email"), f.path("email"), "invalid e-mail address '" + email + "'");
      return null;
    }
    return email;
  }

  /** The items of a required list that must not be empty (a household without residents). */
  private List<Fields.Item> nonEmpty(Fields f, String key, String what) {
    List<Fields.Item> items = f.list(key, true);
    if (items != null && items.isEmpty()) {
      problems.add(f.line(key), f.path(key), "a household needs at least one " + what);
    }
    return items;
  }

  /** Reads every item, keeping the valid ones; invalid ones have reported their problems. */
  private static <T> List<T> all(List<Fields.Item> items, BiFunction<Node, String, T> read) {
    if (items == null) {
      return List.of();
    }
    List<T> result = new ArrayList<>(items.size());
    for (Fields.Item item : items) {
      T value = read.apply(item.node(), item.path());
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  private static Optional<String> language(String name) {
    return LANGUAGES.contains(name) ? Optional.of(name) : Optional.empty();
  }

  private static Optional<Encoding> encoding(String name) {
    return Arrays.stream(Encoding.values()).filter(e -> yamlName(e).equals(name)).findFirst();
  }

  private static List<String> encodingNames() {
    return Arrays.stream(Encoding.values()).map(ModelReader::yamlName).toList();
  }

  private static String yamlName(Encoding encoding) {
    return encoding.name().toLowerCase(Locale.ROOT);
  }

  private static List<String> names(DeviceKind[] kinds) {
    return Arrays.stream(kinds).map(DeviceKind::yamlName).toList();
  }

  private static List<String> names(ContactRole[] roles) {
    return Arrays.stream(roles).map(ContactRole::yamlName).toList();
  }
}

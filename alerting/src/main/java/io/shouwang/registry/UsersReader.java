package io.shouwang.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the registry's {@code users} list and checks that each account points at something that
 * exists: the duty desk's community, the caregiver, the family contact. REGISTRY.md has the rules.
 */
final class UsersReader {

  private static final List<String> USER =
      List.of("username", "name", "role", "community", "caregiver", "contact", "passwordHash");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  // Argon2id (preferred) or bcrypt, in their standard self-describing text forms.
  private static final Pattern HASH =
      Pattern.compile("\\$argon2id\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$\\S+\\$\\S+"
          + "|\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

  private final Problems problems;
  private final Map<String, Community> communities = new HashMap<>();
  private final Map<String, Caregiver> caregivers = new HashMap<>();
  private final Map<String, Contact> contacts = new HashMap<>();

  UsersReader(Problems problems, List<Community> known) {
    this.problems = problems;
    for (Community community : known) {
      communities.put(community.id(), community);
      for (Grid grid : community.grids()) {
        grid.caregivers().forEach(c -> caregivers.put(c.id(), c));
        for (Building building : grid.buildings()) {
          for (Household household : building.households()) {
            household.contacts().forEach(c -> contacts.put(c.id(), c));
          }
        }
      }
    }
  }

  List<UserAccount> read(List<Fields.Item> items) {
    List<UserAccount> users = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    if (items == null) {
      return users;
    }
    for (Fields.Item item : items) {
      UserAccount user = user(item.node(), item.path());
      if (user == null) {
        continue;
      }
      String first = seen.putIfAbsent(user.username(), item.path());
      if (first != null) {
        problems.add(item.node(), item.path(),
            "duplicate username '" + user.username() + "' (first at " + first + ")");
        continue;
      }
      users.add(user);
    }
    return users;
  }

  private UserAccount user(Node node, String path) {
    int before = problems.count();
    Fields f = Fields.of(node, path, problems, USER);
    if (f == null) {
      return null;
    }
    String username = f.requiredText("username");
    if (username != null && !USERNAME.matcher(username).matches()) {
      problems.add(f.line("username"), f.path("username"), "invalid username '" + username
          + "' (1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit)");
    }
    AccessRole role = f.choice("role", "role", null, AccessRole::fromYamlName,
        Arrays.stream(AccessRole.values()).map(AccessRole::yamlName).toList());
    String hash = f.requiredText("passwordHash");
    if (hash != null && !HASH.matcher(hash).matches()) {
      problems.add(f.line("passwordHash"), f.path("passwordHash"),
          "not an Argon2id or bcrypt hash (make one with: java -jar shouwang-gateway.jar "
              + "hash-password)");
    }
    if (role == null) {
      return null;
    }
    String scopeId = null;
    String name = f.optionalText("name");
    switch (role) {
      case DUTY_DESK -> {
        scopeId = reference(f, "community", communities);
        only(f, role, "community");
      }
      case CAREGIVER -> {
        scopeId = reference(f, "caregiver", caregivers);
        only(f, role, "caregiver");
        if (scopeId != null && name == null) {
          name = caregivers.get(scopeId).name();
        }
      }
      case FAMILY -> {
        scopeId = reference(f, "contact", contacts);
        only(f, role, "contact");
        if (scopeId != null && name == null) {
          name = contacts.get(scopeId).name();
        }
      }
      case ADMIN -> only(f, role, null);
      default -> throw new IllegalStateException("unhandled role " + role);
    }
    if (name == null && (role == AccessRole.DUTY_DESK || role == AccessRole.ADMIN)) {
      name = f.requiredText("name");
    }
    return problems.count() == before
        ? new UserAccount(username, name, role, scopeId, hash)
        : null;
  }

  private String reference(Fields f, String key, Map<String, ?> known) {
    String id = f.requiredText(key);
    if (id != null && !known.containsKey(id)) {
      problems.add(f.line(key), f.path(key), "no " + key + " with id '" + id + "' in the registry");
      return null;
    }
    return id;
  }

  /** A role names exactly one kind of scope: a second one is a mistake worth reporting. */
  private void only(Fields f, AccessRole role, String allowed) {
    for (String key : List.of("community", "caregiver", "contact")) {
      if (!key.equals(allowed) && f.has(key)) {
        problems.add(f.line(key), f.path(key), "a " + role.yamlName() + " user has no '" + key
            + "'" + (allowed == null ? "" : " (it names a " + allowed + ")"));
      }
    }
  }
}

package io.shouwang.registry;

import java.util.Objects;

/**
 * Someone who may log in. What they see follows from the role and the registry entry it points at,
 * so moving a caregiver to another grid in the file moves their access with them.
 *
 * @param username what they log in with
 * @param name shown on the pages and in incident timelines
 * @param role what they are to the system
 * @param scopeId the community id (duty desk), caregiver id (caregiver) or contact id (family) the
 *     account belongs to; null for admin
 * @param passwordHash an Argon2id or bcrypt hash in its standard text form; never the password
 */
public record UserAccount(
    String username, String name, AccessRole role, String scopeId, String passwordHash) {

  public UserAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  @Override
  public String toString() {
    // Never the hash: logs carry identifiers only.
    return "UserAccount[" + username + ", " + role.yamlName() + "]";
  }
}

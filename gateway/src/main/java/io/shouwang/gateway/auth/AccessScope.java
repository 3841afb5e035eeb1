package io.shouwang.gateway.auth;

import io.shouwang.registry.AccessRole;
import io.shouwang.registry.UserAccount;
import java.util.Set;

/**
 * What one logged-in person may see and do, worked out once from the registry at login. Every API
 * route and every live-stream event asks {@link #sees(String)} before it shows a household.
 *
 * @param actorId the id recorded in incident timelines: the caregiver's or contact's registry id
 *     (the same id their pages go to), or {@code user:<username>} for the duty desk and admin
 * @param allHouseholds true for admin: every household, including ones added later
 */
public record AccessScope(
    UserAccount user,
    String actorId,
    Set<String> communities,
    Set<String> grids,
    Set<String> households,
    boolean allHouseholds,
    Set<Permission> permissions) {

  public AccessScope {
    communities = Set.copyOf(communities);
    grids = Set.copyOf(grids);
    households = Set.copyOf(households);
    permissions = Set.copyOf(permissions);
  }

  public AccessRole role() {
    return user.role();
  }

  /** True when this person may see the household (and everything of it their role shows). */
  public boolean sees(String householdId) {
    return householdId != null && (allHouseholds || households.contains(householdId));
  }

  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  @Override
  public String toString() {
    return "AccessScope[" + user.username() + ", " + user.role().yamlName() + "]";
  }
}

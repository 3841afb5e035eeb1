package io.shouwang.gateway.auth;

import io.shouwang.registry.AccessRole;
import io.shouwang.registry.Building;
import io.shouwang.registry.Community;
import io.shouwang.registry.Grid;
import io.shouwang.registry.Household;
import io.shouwang.registry.Registry;
import io.shouwang.registry.UserAccount;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** Works out each role's scope from the registry: the one place the role table of API.md lives. */
public final class AccessScopes {

  private static final Set<Permission> RESPONDER = EnumSet.of(Permission.VIEW_VITALS,
      Permission.VIEW_MEDICAL_NOTES, Permission.ACCEPT, Permission.ON_SITE, Permission.RESOLVE,
      Permission.CANCEL);

  private final Registry registry;

  public AccessScopes(Registry registry) {
    this.registry = registry;
  }

  public AccessScope of(UserAccount user) {
    Set<String> communities = new HashSet<>();
    Set<String> grids = new HashSet<>();
    Set<String> households = new HashSet<>();
    for (Community community : registry.communities()) {
      for (Grid grid : community.grids()) {
        for (Building building : grid.buildings()) {
          for (Household household : building.households()) {
            if (covers(user, community, grid, household)) {
              communities.add(community.id());
              grids.add(grid.id());
              households.add(household.id());
            }
          }
        }
      }
    }
    return new AccessScope(user, actorId(user), communities, grids, households,
        user.role() == AccessRole.ADMIN, permissions(user.role()));
  }

  private static boolean covers(UserAccount user, Community community, Grid grid,
      Household household) {
    return switch (user.role()) {
      case ADMIN -> true;
      case DUTY_DESK -> community.id().equals(user.scopeId());
      case CAREGIVER -> grid.caregivers().stream().anyMatch(c -> c.id().equals(user.scopeId()));
      case FAMILY -> household.contacts().stream().anyMatch(c -> c.id().equals(user.scopeId()));
    };
  }

  private static String actorId(UserAccount user) {
    // Caregivers and family act under the id their pages are addressed to, so the timeline shows
    // that the person paged is the person who answered.
    return switch (user.role()) {
      case CAREGIVER, FAMILY -> user.scopeId();
      case DUTY_DESK, ADMIN -> "user:" + user.username();
    };
  }

  private static Set<Permission> permissions(AccessRole role) {
    return switch (role) {
      case DUTY_DESK -> {
        Set<Permission> desk = EnumSet.copyOf(RESPONDER);
        desk.add(Permission.ASSIGN);
        yield desk;
      }
      case CAREGIVER -> RESPONDER;
      case FAMILY -> EnumSet.of(Permission.VIEW_VITALS, Permission.VIEW_MEDICAL_NOTES,
          Permission.ACCEPT, Permission.ON_SITE);
      // Runs the system, is not a carer: no health data.
      case ADMIN -> EnumSet.of(Permission.ASSIGN, Permission.CANCEL);
    };
  }
}

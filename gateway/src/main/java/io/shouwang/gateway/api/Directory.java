package io.shouwang.gateway.api;

import io.shouwang.alerting.notify.Recipient;
import io.shouwang.registry.Building;
import io.shouwang.registry.Community;
import io.shouwang.registry.Grid;
import io.shouwang.registry.Household;
import io.shouwang.registry.Registry;
import io.shouwang.registry.UserAccount;
import java.util.HashMap;
import java.util.Map;

/**
 * Names for the ids that appear in incidents (actors, recipients, assignees), so timelines read
 * "张敏 accepted" rather than "cg-zhang-min accepted". Built once from the registry.
 */
final class Directory {

  private final Map<String, String> names = new HashMap<>();

  Directory(Registry registry) {
    for (Community community : registry.communities()) {
      names.put(Recipient.dutyDeskId(community.id()), community.dutyDesk().name());
      for (Grid grid : community.grids()) {
        grid.caregivers().forEach(c -> names.put(c.id(), c.name()));
        for (Building building : grid.buildings()) {
          for (Household household : building.households()) {
            household.contacts().forEach(c -> names.put(c.id(), c.name()));
          }
        }
      }
    }
    for (UserAccount user : registry.users()) {
      names.put("user:" + user.username(), user.name());
    }
    names.put("system", "Shouwang");
  }

  /** The person's or desk's name, or the id itself when it names a device or nobody known. */
  String name(String id) {
    if (id == null) {
      return null;
    }
    return names.getOrDefault(id, id);
  }
}

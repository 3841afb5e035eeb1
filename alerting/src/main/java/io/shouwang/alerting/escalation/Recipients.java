package io.shouwang.alerting.escalation;

import io.shouwang.alerting.config.RecipientGroup;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.registry.Caregiver;
import io.shouwang.registry.Community;
import io.shouwang.registry.Contact;
import io.shouwang.registry.ContactRole;
import io.shouwang.registry.DutyDesk;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Resident;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a recipient group to people and desks from the registry. Caregivers and duty desks get
 * the staff language; a household's contacts get its first resident's language, since the
 * registry records languages for residents only.
 */
final class Recipients {

  private final String staffLanguage;

  Recipients(String staffLanguage) {
    this.staffLanguage = staffLanguage;
  }

  List<Recipient> of(PlacedHousehold place, RecipientGroup group) {
    return switch (group) {
      case GRID_CAREGIVERS -> caregivers(place);
      case FAMILY -> contacts(place, ContactRole.FAMILY, "family");
      case NEIGHBOURS -> contacts(place, ContactRole.NEIGHBOUR, "neighbour");
      case KEY_HOLDERS -> contacts(place, ContactRole.KEY_HOLDER, "key_holder");
      case DOCTORS -> contacts(place, ContactRole.DOCTOR, "doctor");
      case DUTY_DESK -> List.of(dutyDesk(place.community()));
    };
  }

  /** The recipient with this id among everyone who could be paged about the household. */
  Optional<Recipient> find(PlacedHousehold place, String recipientId) {
    for (RecipientGroup group : RecipientGroup.values()) {
      for (Recipient recipient : of(place, group)) {
        if (recipient.id().equals(recipientId)) {
          return Optional.of(recipient);
        }
      }
    }
    return Optional.empty();
  }

  private List<Recipient> caregivers(PlacedHousehold place) {
    List<Recipient> result = new ArrayList<>();
    for (Caregiver c : place.grid().caregivers()) {
      result.add(new Recipient(c.id(), c.name(), "caregiver", staffLanguage, c.phone(),
          c.email()));
    }
    return result;
  }

  private List<Recipient> contacts(PlacedHousehold place, ContactRole role, String roleName) {
    List<Resident> residents = place.household().residents();
    String language = residents.isEmpty() ? staffLanguage : residents.get(0).language();
    List<Recipient> result = new ArrayList<>();
    for (Contact c : place.household().contacts()) {
      if (c.role() == role) {
        result.add(new Recipient(c.id(), c.name(), roleName, language, c.phone(), c.email()));
      }
    }
    return result;
  }

  private Recipient dutyDesk(Community community) {
    DutyDesk desk = community.dutyDesk();
    return new Recipient(Recipient.dutyDeskId(community.id()), desk.name(), "duty_desk", staffLanguage,
        desk.phone(), desk.email());
  }
}

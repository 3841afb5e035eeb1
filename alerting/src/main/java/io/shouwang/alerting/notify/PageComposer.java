package io.shouwang.alerting.notify;

import io.shouwang.alerting.Incident;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Resident;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes pages a person can act on from a phone's lock screen: who, where, what, since when and
 * how to accept, in the recipient's language. Titles never carry readings; the body carries them
 * only for people who care for the resident (caregivers, family, doctors, the duty desk).
 */
public final class PageComposer {

  private static final Set<String> SEE_DETAILS =
      Set.of("caregiver", "family", "doctor", "duty_desk");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final AlertingConfig config;
  private final Clock clock;

  public PageComposer(AlertingConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** One page of this incident to one recipient over one channel. */
  public Page compose(Incident incident, PlacedHousehold place, Recipient recipient,
      String channel, String idempotencyKey, int step, int round) {
    PageTexts t = PageTexts.of(recipient.language());
    String where = t.flat(place.building().name(), place.household().flat());
    String title = t.tag(incident.severity()) + residents(place, t) + " " + where + " "
        + t.what(incident.cause()) + (round > 0 ? t.reminder(round) : "");
    String acceptUrl = config.acceptUrlFor(incident.id());
    List<String> lines = new ArrayList<>();
    lines.add(residents(place, t) + ", " + place.community().name() + " " + where);
    lines.add(t.addressLine(place.building().address()));
    lines.add(t.eventLine(t.what(incident.cause()), incident.summary()));
    if (SEE_DETAILS.contains(recipient.role()) && !incident.details().isEmpty()) {
      lines.add(t.detailsLine(details(incident.details())));
    }
    Instant now = clock.instant();
    long minutes = Math.max(0, Duration.between(incident.openedAt(), now).toMinutes());
    lines.add(t.sinceLine(TIME.format(incident.openedAt().atZone(config.zone())), minutes));
    if (acceptUrl != null) {
      lines.add(t.acceptLine(acceptUrl));
    } else if ("duty_desk".equals(recipient.role())) {
      lines.add(t.acceptAtDesk());
    } else {
      lines.add(t.acceptByPhone(place.community().dutyDesk().phone()));
    }
    Map<String, String> data = new LinkedHashMap<>();
    data.put("incidentId", incident.id());
    data.put("householdId", incident.householdId());
    data.put("cause", incident.cause().label());
    data.put("severity", incident.severity().name().toLowerCase(Locale.ROOT));
    data.put("step", Integer.toString(step));
    data.put("round", Integer.toString(round));
    data.put("openedAt", incident.openedAt().toString());
    data.put("recipientRole", recipient.role());
    if (acceptUrl != null) {
      data.put("acceptUrl", acceptUrl);
    }
    return new Page(idempotencyKey, incident.id(), channel, recipient, title,
        String.join("\n", lines), acceptUrl, data, now);
  }

  private static String residents(PlacedHousehold place, PageTexts t) {
    List<Resident> residents = place.household().residents();
    if (residents.isEmpty()) {
      return "";
    }
    String first = residents.get(0).name();
    return residents.size() == 1 ? first : first + t.and(residents.size() - 1);
  }

  private static String details(Map<String, String> details) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(details).forEach((k, v) -> parts.add(k + " " + v));
    return String.join(", ", parts);
  }
}

package io.shouwang.alerting.escalation;

import io.shouwang.alerting.DeliveryStatus;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.PageRecord;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.config.RecipientGroup;
import io.shouwang.alerting.incident.IncidentIds;
import io.shouwang.alerting.incident.OpenIncident;
import io.shouwang.alerting.notify.Dispatcher;
import io.shouwang.alerting.notify.Page;
import io.shouwang.alerting.notify.PageComposer;
import io.shouwang.alerting.notify.Recipient;
import io.shouwang.registry.PlacedHousehold;
import io.shouwang.registry.Registry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns "page these groups" into pages: one per recipient and per channel of the recipient's role
 * that can reach them, each recorded as QUEUED on the incident before it is handed to the
 * dispatcher. Nobody is paged twice in one round.
 */
final class StepPages {

  private final AlertingConfig config;
  private final Registry registry;
  private final Dispatcher dispatcher;
  private final PageComposer composer;
  private final Recipients recipients;
  private final Clock clock;

  StepPages(AlertingConfig config, Registry registry, Dispatcher dispatcher,
      PageComposer composer, Clock clock) {
    this.config = config;
    this.registry = registry;
    this.dispatcher = dispatcher;
    this.composer = composer;
    this.recipients = new Recipients(config.staffLanguage());
    this.clock = clock;
  }

  /** Creates and dispatches the pages of some groups; returns how many. */
  int create(OpenIncident incident, List<RecipientGroup> groups, int step, int round,
      Instant now) {
    PlacedHousehold place = registry.placedHousehold(incident.householdId()).orElse(null);
    if (place == null) {
      return 0;
    }
    Set<String> pagedThisRound = new HashSet<>();
    for (PageRecord record : incident.pages()) {
      if (record.round() == round) {
        pagedThisRound.add(record.recipientId());
      }
    }
    Incident snapshot = incident.snapshot();
    List<Page> pages = new ArrayList<>();
    for (RecipientGroup group : groups) {
      for (Recipient recipient : recipients.of(place, group)) {
        if (!pagedThisRound.add(recipient.id())) {
          continue;
        }
        for (String channel : config.channelsFor(recipient.role())) {
          String key = IncidentIds.pageKey(incident.id(), step, round, recipient.id(), channel);
          if (!dispatcher.canReach(channel, recipient) || incident.page(key) != null) {
            continue;
          }
          incident.putPage(new PageRecord(key, channel, recipient.id(), recipient.role(), step,
              round, DeliveryStatus.QUEUED, 0, null, now), now);
          pages.add(composer.compose(snapshot, place, recipient, channel, key, step, round));
        }
      }
    }
    // Records first, then sends: an outcome always finds its page on the incident.
    pages.forEach(page -> dispatcher.submit(page, 0));
    return pages.size();
  }

  /** After a restart: re-sends pages that had no outcome, under their old idempotency keys. */
  void resend(OpenIncident incident) {
    Instant now = clock.instant();
    PlacedHousehold place = registry.placedHousehold(incident.householdId()).orElse(null);
    Incident snapshot = incident.snapshot();
    for (PageRecord record : List.copyOf(incident.pages())) {
      if (record.status() != DeliveryStatus.QUEUED) {
        continue;
      }
      Optional<Recipient> recipient = place == null ? Optional.empty()
          : recipients.find(place, record.recipientId());
      if (!incident.state().isUnanswered()) {
        incident.putPage(record.with(DeliveryStatus.SKIPPED, record.attempts(),
            "no longer needed after restart", now), now);
      } else if (recipient.isEmpty() || !dispatcher.has(record.channel())) {
        incident.putPage(record.with(DeliveryStatus.FAILED, record.attempts(),
            "recipient or channel no longer configured", now), now);
      } else {
        dispatcher.submit(composer.compose(snapshot, place, recipient.get(), record.channel(),
            record.idempotencyKey(), record.step(), record.round()), record.attempts());
      }
    }
  }
}

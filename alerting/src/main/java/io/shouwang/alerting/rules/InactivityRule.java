package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.Signal;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.Durations;
import io.shouwang.registry.Household;
import io.shouwang.registry.PlacedDevice;
import io.shouwang.registry.QuietWindow;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.v1.DoorContact;
import io.shouwang.schemas.v1.Envelope;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * No movement (a motion count above zero, or a door opening) in a household for longer than the
 * quiet window of the current time of day raises INACTIVITY; the next movement clears it.
 *
 * <p>The window is the one in force now, not the one in which the silence began: at 07:00 the day
 * window takes over, so a home silent since before 04:00 is checked on at 07:00 rather than after
 * ten hours of daytime silence. Residents who sleep late get their own night window.
 *
 * <p>Only households with a motion sensor are watched: door contacts alone would page for every
 * quiet afternoon.
 *
 * <p>Each household's last movement is kept across a restart, so a resident who fell an hour
 * before it is checked on when her window ends, not a whole window after the start; but no home
 * is flagged within the startup grace, since movement during the gateway's own downtime may have
 * been lost.
 */
final class InactivityRule implements Rule {

  /** The name its state is saved under. */
  static final String STATE = "inactivity";

  private static final class Watched extends KeptEntries.Entry {
    final String householdId;
    final QuietSchedule schedule;
    Instant lastActivity;
    boolean raised;

    Watched(String householdId, QuietSchedule schedule, Instant lastActivity) {
      this.householdId = householdId;
      this.schedule = schedule;
      this.lastActivity = lastActivity;
    }

    @Override
    String key() {
      return householdId;
    }

    @Override
    String encode() {
      return Long.toString(lastActivity.toEpochMilli());
    }
  }

  private final ZoneId zone;
  private final Duration startupGrace;
  private final Map<String, Watched> households = new LinkedHashMap<>();
  private final KeptEntries kept = new KeptEntries(STATE);
  private Instant graceEnds;

  InactivityRule(Registry registry, RuleSettings.Inactivity settings, Instant start) {
    this.zone = settings.zone();
    this.startupGrace = settings.startupGrace();
    this.graceEnds = start.plus(startupGrace);
    for (PlacedDevice placed : registry.placements()) {
      Household household = placed.household();
      if (placed.device().kind() == DeviceKind.MOTION_SENSOR) {
        households.computeIfAbsent(
            household.id(),
            id -> new Watched(id, QuietSchedule.of(household, settings.quietWindows()), start));
      }
    }
  }

  @Override
  public Optional<RuleState> state() {
    return Optional.of(kept);
  }

  /**
   * Counts each household's quiet from its saved last movement (from the start when none was
   * saved), and takes an open INACTIVITY incident as the silence already raised, so it is not
   * raised again and the next movement clears it.
   */
  @Override
  public List<DeviceCommand> resume(Restart restart) {
    Instant start = restart.start();
    graceEnds = start.plus(startupGrace);
    Map<String, String> saved = restart.ruleState(STATE);
    for (Watched watched : households.values()) {
      watched.lastActivity = start;
    }
    saved.forEach((householdId, value) -> {
      Watched watched = households.get(householdId);
      if (watched == null) {
        kept.forget(householdId);
        return;
      }
      try {
        watched.lastActivity = notAfter(Instant.ofEpochMilli(Long.parseLong(value)), start);
      } catch (NumberFormatException e) {
        kept.unreadable(householdId);
      }
    });
    kept.reportUnreadable();
    for (Incident incident : restart.openIncidents()) {
      Watched watched = households.get(incident.householdId());
      if (watched != null && incident.cause() == Cause.INACTIVITY) {
        resume(watched, InactivityTimeline.of(incident), start);
      }
    }
    return List.of();
  }

  private void resume(Watched watched, InactivityTimeline timeline, Instant start) {
    if (timeline.stillQuiet()) {
      watched.raised = true;
      return;
    }
    // The movement that cleared it is on disk; its save may not have been.
    Instant cleared = notAfter(timeline.clearedAt(), start);
    if (cleared.isAfter(watched.lastActivity)) {
      watched.lastActivity = cleared;
      kept.changed(watched);
    }
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    Watched watched = households.get(message.householdId());
    if (watched == null || !isActivity(message.envelope())) {
      return RuleOutput.NONE;
    }
    if (message.receivedAt().isAfter(watched.lastActivity)) {
      watched.lastActivity = message.receivedAt();
      kept.changed(watched);
    }
    if (!watched.raised) {
      return RuleOutput.NONE;
    }
    watched.raised = false;
    return RuleOutput.of(
        Signals.of(Signal.Kind.CLEARED, Cause.INACTIVITY, message, "movement at home", Map.of()));
  }

  @Override
  public RuleOutput onTick(Instant now) {
    if (now.isBefore(graceEnds)) {
      return RuleOutput.NONE;
    }
    LocalTime time = LocalTime.ofInstant(now, zone);
    Output out = new Output();
    for (Watched watched : households.values()) {
      if (watched.raised) {
        continue;
      }
      QuietWindow window = watched.schedule.at(time);
      Duration quiet = Duration.between(watched.lastActivity, now);
      if (quiet.compareTo(window.maxQuiet()) <= 0) {
        continue;
      }
      watched.raised = true;
      out.add(
          Signals.ofTimer(
              Signal.Kind.RAISE,
              Cause.INACTIVITY,
              watched.householdId,
              "",
              "no movement at home",
              Map.of(
                  "quiet_since", watched.lastActivity.toString(),
                  "quiet_window", window.span(),
                  "max_quiet", Durations.format(window.maxQuiet())),
              now,
              "inactivity:" + watched.householdId + ":" + watched.lastActivity.getEpochSecond()));
    }
    return out.build();
  }

  /** A saved time after the start means the clock was set back: count from the start then. */
  private static Instant notAfter(Instant saved, Instant start) {
    return saved.isAfter(start) ? start : saved;
  }

  private static boolean isActivity(Envelope envelope) {
    return switch (envelope.getPayloadCase()) {
      case MOTION -> envelope.getMotion().getCount() > 0;
      case DOOR_CONTACT -> envelope.getDoorContact().getState() == DoorContact.State.OPEN;
      default -> false;
    };
  }
}

package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceMessage;
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
import java.util.Map;

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
 */
final class InactivityRule implements Rule {

  private static final class Watched {
    final String householdId;
    final QuietSchedule schedule;
    Instant lastActivity;
    boolean raised;

    Watched(String householdId, QuietSchedule schedule, Instant lastActivity) {
      this.householdId = householdId;
      this.schedule = schedule;
      this.lastActivity = lastActivity;
    }
  }

  private final ZoneId zone;
  private final Map<String, Watched> households = new LinkedHashMap<>();

  InactivityRule(Registry registry, RuleSettings.Inactivity settings, Instant start) {
    this.zone = settings.zone();
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
  public RuleOutput onMessage(DeviceMessage message) {
    Watched watched = households.get(message.householdId());
    if (watched == null || !isActivity(message.envelope())) {
      return RuleOutput.NONE;
    }
    if (message.receivedAt().isAfter(watched.lastActivity)) {
      watched.lastActivity = message.receivedAt();
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

  private static boolean isActivity(Envelope envelope) {
    return switch (envelope.getPayloadCase()) {
      case MOTION -> envelope.getMotion().getCount() > 0;
      case DOOR_CONTACT -> envelope.getDoorContact().getState() == DoorContact.State.OPEN;
      default -> false;
    };
  }
}

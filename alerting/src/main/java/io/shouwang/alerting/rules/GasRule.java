package io.shouwang.alerting.rules;

import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Incident;
import io.shouwang.alerting.Signal;
import io.shouwang.registry.Device;
import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.Household;
import io.shouwang.registry.Registry;
import io.shouwang.schemas.v1.CommandResult;
import io.shouwang.schemas.v1.GasDetector;
import io.shouwang.schemas.v1.GasValve;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gas ALARM raises GAS_LEAK and sends CLOSE to every gas valve of the household. The closure
 * counts only when each valve reports CLOSED and a gas reading falls below the alarm reading; when
 * that has not happened within {@code confirmWithin}, the CLOSE is sent again (up to {@code
 * retries} times) and the incident escalates, once. A valve FAULT, or a FAILED or REJECTED result
 * for one of our commands, escalates at once. A confirmed closure is CLEARED "valve closed".
 *
 * <p>After a restart every open gas incident whose closure was not confirmed is re-armed: CLOSE
 * again (closing is idempotent for a valve) and a fresh confirmation wait, escalating only if the
 * episode had not escalated before (see {@link GasTimeline}).
 */
final class GasRule implements Rule {

  /** Summary of the RAISE that starts a closure; a restart finds the closure by it. */
  static final String CLOSING_SUMMARY = "gas alarm: closing the valve";

  /** Summary of the CLEARED that confirms a closure; a restart finds the confirmation by it. */
  static final String CONFIRMED_SUMMARY = "valve closed";

  private static final Logger LOG = LoggerFactory.getLogger(GasRule.class);

  private final Registry registry;
  private final RuleSettings.Gas settings;
  private final Clock clock;
  private final Supplier<String> commandIds;
  private final Map<String, GasEpisode> episodes = new HashMap<>();
  private final Set<String> alarmedWithoutValve = new HashSet<>();

  GasRule(
      Registry registry, RuleSettings.Gas settings, Clock clock, Supplier<String> commandIds) {
    this.registry = registry;
    this.settings = settings;
    this.clock = clock;
    this.commandIds = commandIds;
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    return switch (message.envelope().getPayloadCase()) {
      case GAS_DETECTOR -> detector(message);
      case GAS_VALVE -> valve(message);
      case COMMAND_RESULT -> result(message);
      default -> RuleOutput.NONE;
    };
  }

  @Override
  public List<DeviceCommand> resume(Restart restart) {
    Output out = new Output();
    for (Incident incident : restart.openIncidents()) {
      if (incident.cause() != Cause.GAS_LEAK) {
        continue;
      }
      String household = incident.householdId();
      List<String> valves = registry.household(household).map(GasRule::valvesOf)
          .orElse(List.of());
      if (valves.isEmpty()) {
        // Nothing to close; the detector's NORMAL still clears the incident.
        alarmedWithoutValve.add(household);
        continue;
      }
      GasEpisode episode = GasTimeline.episode(incident, valves);
      episodes.put(household, episode);
      if (episode.state == GasEpisode.State.CLOSING) {
        // The wait starts again with the new CLOSE: a deadline that passed during the downtime
        // would escalate before the valve could even answer it.
        sendClose(episode, episode.open(), out);
        LOG.info("gas closure in household {} not confirmed before the restart: CLOSE sent again"
            + " to {} valve(s)", household, valves.size());
      }
    }
    return out.build().commands();
  }

  private RuleOutput detector(DeviceMessage message) {
    GasDetector gas = message.envelope().getGasDetector();
    boolean alarm = gas.getAlarm() == GasDetector.Alarm.ALARM;
    String household = message.householdId();
    List<String> valves = valvesOf(message.device().household());
    if (valves.isEmpty()) {
      return withoutValve(message, gas, alarm);
    }
    GasEpisode episode = episodes.get(household);
    if (episode != null) {
      episode.adoptAlarmLel(gas.getLelPercent());
    }
    Output out = new Output();
    if (alarm) {
      boolean risingAgain =
          episode != null
              && episode.state == GasEpisode.State.CONFIRMED
              && gas.getLelPercent() > episode.alarmLel;
      if (episode == null || risingAgain) {
        return start(message, gas, valves);
      }
      if (episode.state == GasEpisode.State.CONFIRMED) {
        // Valves shut and the gas falling: still above the alarm level while it airs out.
        return RuleOutput.NONE;
      }
      if (gas.getLelPercent() >= episode.alarmLel) {
        // Not getting better: attach the reading to the incident.
        out.add(raise(message, gas, "gas alarm", Map.of()));
      }
    } else if (episode != null && episode.state != GasEpisode.State.CLOSING) {
      // Back to normal: the next alarm is a new episode with fresh commands.
      episodes.remove(household);
      if (episode.state == GasEpisode.State.CONFIRMED) {
        return RuleOutput.NONE;
      }
      episode.reading(gas.getLelPercent());
      confirmIfDone(episode, message, out);
      if (episode.state != GasEpisode.State.CONFIRMED) {
        out.add(
            Signals.of(
                Signal.Kind.CLEARED,
                Cause.GAS_LEAK,
                message,
                "gas back to normal, valve not confirmed closed",
                Map.of(
                    "lel_percent", Readings.format(gas.getLelPercent()),
                    "valves_not_closed", ids(episode.open().stream().map(v -> v.id).toList()))));
      }
      return out.build();
    }
    if (episode != null) {
      episode.reading(gas.getLelPercent());
      confirmIfDone(episode, message, out);
    }
    return out.build();
  }

  private RuleOutput withoutValve(DeviceMessage message, GasDetector gas, boolean alarm) {
    String household = message.householdId();
    if (alarm) {
      alarmedWithoutValve.add(household);
      return RuleOutput.of(
          raise(
              message,
              gas,
              "gas alarm",
              Map.of("valve", "none registered: nothing closes the gas")));
    }
    return alarmedWithoutValve.remove(household)
        ? RuleOutput.of(
            Signals.of(
                Signal.Kind.CLEARED,
                Cause.GAS_LEAK,
                message,
                "gas back to normal",
                Map.of("lel_percent", Readings.format(gas.getLelPercent()))))
        : RuleOutput.NONE;
  }

  private RuleOutput start(DeviceMessage message, GasDetector gas, List<String> valves) {
    GasEpisode episode =
        new GasEpisode(message.householdId(), message.messageKey(), gas.getLelPercent(), valves);
    episodes.put(message.householdId(), episode);
    Output out = new Output();
    out.add(raise(message, gas, CLOSING_SUMMARY, Map.of("valves", ids(valves))));
    sendClose(episode, episode.open(), out);
    LOG.info(
        "gas alarm in household {}: CLOSE sent to {} valve(s)",
        message.householdId(),
        valves.size());
    return out.build();
  }

  private void sendClose(GasEpisode episode, List<GasEpisode.Valve> valves, Output out) {
    Instant now = clock.instant();
    for (GasEpisode.Valve valve : valves) {
      String commandId = commandIds.get();
      valve.commandIds.add(commandId);
      out.add(ValveCommands.close(valve.id, commandId, now, settings.commandTtl()));
    }
    episode.attempts++;
    episode.deadline = now.plus(settings.confirmWithin());
  }

  private RuleOutput valve(DeviceMessage message) {
    GasEpisode episode = episodes.get(message.householdId());
    if (episode == null || episode.state == GasEpisode.State.CONFIRMED) {
      return RuleOutput.NONE;
    }
    GasEpisode.Valve valve = episode.valves.get(message.envelope().getDeviceId());
    if (valve == null) {
      return RuleOutput.NONE;
    }
    GasValve report = message.envelope().getGasValve();
    Output out = new Output();
    switch (report.getState()) {
      case CLOSED -> {
        valve.closed = true;
        // Closed is closed, whoever closed it; the record says whether it was our command.
        valve.closedByOurCommand |= valve.commandIds.contains(report.getCommandId());
        confirmIfDone(episode, message, out);
      }
      case OPEN -> valve.closed = false;
      case FAULT ->
          escalate(
              episode,
              Signals.of(
                  Signal.Kind.ESCALATE,
                  Cause.GAS_LEAK,
                  message,
                  "valve fault: gas may still be flowing",
                  Map.of("valve", valve.id, "fault", report.getFault())),
              out);
      default -> {
        // MOVING: the motor runs; the deadline decides.
      }
    }
    return out.build();
  }

  private RuleOutput result(DeviceMessage message) {
    GasEpisode episode = episodes.get(message.householdId());
    CommandResult result = message.envelope().getCommandResult();
    if (episode == null || episode.state == GasEpisode.State.CONFIRMED) {
      return RuleOutput.NONE;
    }
    GasEpisode.Valve valve = episode.valveWithCommand(result.getCommandId());
    CommandResult.Status status = result.getStatus();
    if (valve == null
        || (status != CommandResult.Status.FAILED && status != CommandResult.Status.REJECTED)) {
      return RuleOutput.NONE;
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("valve", valve.id);
    details.put("command_id", result.getCommandId());
    details.put("command_status", status.name());
    details.put("command_detail", result.getDetail());
    Output out = new Output();
    escalate(
        episode,
        Signals.of(
            Signal.Kind.ESCALATE,
            Cause.GAS_LEAK,
            message,
            "valve failed to close: command " + status.name().toLowerCase(Locale.ROOT),
            details),
        out);
    return out.build();
  }

  @Override
  public RuleOutput onTick(Instant now) {
    Output out = new Output();
    for (GasEpisode episode : episodes.values()) {
      if (episode.state != GasEpisode.State.CLOSING || now.isBefore(episode.deadline)) {
        continue;
      }
      List<GasEpisode.Valve> open = episode.open();
      Map<String, String> details = new LinkedHashMap<>();
      details.put("valves_not_closed", ids(open.stream().map(v -> v.id).toList()));
      details.put("attempts", Integer.toString(episode.attempts));
      details.put("lel_percent", Readings.format(episode.lastLel));
      details.put("gas_falling", Boolean.toString(episode.falling));
      Signal signal =
          Signals.ofTimer(
              Signal.Kind.ESCALATE,
              Cause.GAS_LEAK,
              episode.householdId,
              open.isEmpty() ? "" : open.get(0).id,
              open.isEmpty() ? "valve closed but gas not falling" : "valve failed to close",
              details,
              now,
              episode.timerKey());
      if (!open.isEmpty() && episode.attempts <= settings.retries()) {
        sendClose(episode, open, out);
      } else {
        episode.state = GasEpisode.State.FAILED;
      }
      escalate(episode, signal, out);
    }
    return out.build();
  }

  private void escalate(GasEpisode episode, Signal signal, Output out) {
    if (episode.escalated) {
      return;
    }
    episode.escalated = true;
    out.add(signal);
    LOG.warn("gas closure in household {} not confirmed: escalating", episode.householdId);
  }

  private void confirmIfDone(GasEpisode episode, DeviceMessage message, Output out) {
    if (episode.state == GasEpisode.State.CONFIRMED || !episode.falling || !episode.allClosed()) {
      return;
    }
    episode.state = GasEpisode.State.CONFIRMED;
    Map<String, String> details = new LinkedHashMap<>();
    details.put("valves", ids(List.copyOf(episode.valves.keySet())));
    details.put(
        "closed_by_command",
        Boolean.toString(episode.valves.values().stream().allMatch(v -> v.closedByOurCommand)));
    details.put("attempts", Integer.toString(episode.attempts));
    details.put("lel_percent", Readings.format(episode.lastLel));
    out.add(Signals.of(Signal.Kind.CLEARED, Cause.GAS_LEAK, message, CONFIRMED_SUMMARY, details));
  }

  private static Signal raise(
      DeviceMessage message, GasDetector gas, String summary, Map<String, String> extra) {
    Map<String, String> details = new LinkedHashMap<>(extra);
    details.put("lel_percent", Readings.format(gas.getLelPercent()));
    return Signals.of(Signal.Kind.RAISE, Cause.GAS_LEAK, message, summary, details);
  }

  private static List<String> valvesOf(Household household) {
    return household.devices().stream()
        .filter(d -> d.kind() == DeviceKind.GAS_VALVE)
        .map(Device::id)
        .toList();
  }

  private static String ids(List<String> ids) {
    return ids.stream().collect(Collectors.joining(","));
  }
}

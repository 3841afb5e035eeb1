package io.shouwang.alerting.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One gas alarm in a household with valves, from the first ALARM until the closure is confirmed and
 * the detector reports normal again.
 */
final class GasEpisode {

  enum State {
    /** CLOSE sent; waiting for every valve to report CLOSED and the gas to fall. */
    CLOSING,
    /**
     * Retries exhausted without confirmation; people are on it, a late confirmation still counts.
     */
    FAILED,
    /** Valves closed and gas falling; the kitchen is airing out. */
    CONFIRMED
  }

  /** One valve of the household: the commands sent to it and whether it reported CLOSED. */
  static final class Valve {
    final String id;
    final List<String> commandIds = new ArrayList<>();
    boolean closed;
    boolean closedByOurCommand;

    Valve(String id) {
      this.id = id;
    }
  }

  final String householdId;

  /** The message key of the ALARM that started it: stable, so timer keys are too. */
  final String alarmKey;

  /** The reading that raised the alarm; NaN when a restart lost it (see adoptAlarmLel). */
  float alarmLel;
  final Map<String, Valve> valves = new LinkedHashMap<>();
  State state = State.CLOSING;
  float lastLel;
  boolean falling;
  boolean escalated;
  int attempts;
  Instant deadline;

  GasEpisode(String householdId, String alarmKey, float alarmLel, List<String> valveIds) {
    this.householdId = householdId;
    this.alarmKey = alarmKey;
    this.alarmLel = alarmLel;
    this.lastLel = alarmLel;
    valveIds.forEach(id -> valves.put(id, new Valve(id)));
  }

  /** After a restart that lost the alarm's reading, the first reading stands in for it. */
  void adoptAlarmLel(float lel) {
    if (Float.isNaN(alarmLel)) {
      alarmLel = lel;
      lastLel = lel;
    }
  }

  /** Notes a gas reading; the gas is falling once a reading is below the one that alarmed. */
  void reading(float lel) {
    lastLel = lel;
    if (lel < alarmLel) {
      falling = true;
    }
  }

  boolean allClosed() {
    return valves.values().stream().allMatch(v -> v.closed);
  }

  List<Valve> open() {
    return valves.values().stream().filter(v -> !v.closed).toList();
  }

  Valve valveWithCommand(String commandId) {
    return valves.values().stream()
        .filter(v -> v.commandIds.contains(commandId))
        .findFirst()
        .orElse(null);
  }

  /** The timer key of this episode's deadline number {@code attempts}. */
  String timerKey() {
    return "gas:" + alarmKey + ":attempt-" + attempts;
  }
}

package io.shouwang.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a condition on a stream of readings is on, with hysteresis in both directions: it turns
 * on after enough readings in a row beyond the threshold, and off only after as many readings in a
 * row back inside by the margin. A reading in between (inside, but within the margin) breaks either
 * run, so values wobbling around the threshold change nothing.
 *
 * <p>"Enough" is {@code readings} in a row, or a run spanning {@code duration}; a gap longer than
 * {@code maxGap} between two readings starts the run again, so two readings hours apart are not a
 * sustained condition.
 *
 * <p>Kept across a restart (as one entry of the rule's state): whether it is on and the run in
 * progress, so a condition raised before the restart still clears with hysteresis, and a run
 * half-way there goes on (or starts again, if the restart made a gap longer than maxGap). Not
 * kept: the values of the run behind the last change, which only went into that change's signal.
 */
final class Sustained extends KeptEntries.Entry {

  enum Change {
    NONE,
    RAISED,
    CLEARED
  }

  private static final int KEPT_VALUES = 10;

  private final KeptEntries kept;
  private final String key;
  private final int readings;
  private final Duration duration;
  private final Duration maxGap;
  private boolean on;
  private int run;
  private Instant runStart;
  private Instant last;
  private final List<String> runValues = new ArrayList<>();
  private List<String> lastRun = List.of();
  private Instant lastRunStart;

  /** {@code key}: its key in the rule's kept state, which saves it whenever it changes. */
  Sustained(KeptEntries kept, String key, int readings, Duration duration, Duration maxGap) {
    this.kept = kept;
    this.key = key;
    this.readings = readings;
    this.duration = duration;
    this.maxGap = maxGap;
  }

  /**
   * One reading: {@code beyond} the threshold, or {@code backInside} by the margin (neither when it
   * is in between). {@code value} is kept for the details of the change.
   */
  Change step(boolean beyond, boolean backInside, Instant at, String value) {
    boolean worthKeeping = isWorthKeeping();
    Change change = advance(beyond, backInside, at, value);
    if (worthKeeping || isWorthKeeping()) {
      kept.changed(this);
    }
    return change;
  }

  private Change advance(boolean beyond, boolean backInside, Instant at, String value) {
    if (last != null && Duration.between(last, at).compareTo(maxGap) > 0) {
      resetRun();
    }
    last = at;
    if (!(on ? backInside : beyond)) {
      resetRun();
      return Change.NONE;
    }
    if (run == 0) {
      runStart = at;
    }
    run++;
    runValues.add(value);
    if (runValues.size() > KEPT_VALUES) {
      runValues.remove(0);
    }
    if (run < readings && Duration.between(runStart, at).compareTo(duration) < 0) {
      return Change.NONE;
    }
    on = !on;
    lastRun = List.copyOf(runValues);
    lastRunStart = runStart;
    resetRun();
    return on ? Change.RAISED : Change.CLEARED;
  }

  boolean isOn() {
    return on;
  }

  /** The values of the run that caused the last change, oldest first (at most ten). */
  List<String> lastRun() {
    return lastRun;
  }

  /** When the run that caused the last change began. */
  Instant lastRunStart() {
    return lastRunStart;
  }

  @Override
  String key() {
    return key;
  }

  /**
   * {@code on|run|runStartMillis|lastMillis|value,value}, or just {@code on} without a run; null
   * when off without a run, which is where a new one starts anyway. Values never hold '|' or ','
   * (numbers and rhythm names).
   */
  @Override
  String encode() {
    if (!isWorthKeeping()) {
      return null;
    }
    String flag = on ? "1" : "0";
    if (run == 0) {
      return flag;
    }
    return flag + "|" + run + "|" + runStart.toEpochMilli() + "|" + last.toEpochMilli() + "|"
        + String.join(",", runValues);
  }

  /** Takes back what {@link #encode} wrote; throws IllegalArgumentException when it cannot. */
  void restore(String value) {
    String[] parts = value.split("\\|", -1);
    if (!(parts.length == 1 || parts.length == 5) || !parts[0].matches("[01]")) {
      throw new IllegalArgumentException("not a sustained state");
    }
    // Everything is read before anything is set, so an unreadable entry changes nothing.
    boolean withRun = parts.length == 5;
    int restoredRun = withRun ? Integer.parseInt(parts[1]) : 0;
    Instant restoredStart = withRun ? Instant.ofEpochMilli(Long.parseLong(parts[2])) : null;
    Instant restoredLast = withRun ? Instant.ofEpochMilli(Long.parseLong(parts[3])) : null;
    if (withRun && restoredRun < 1) {
      throw new IllegalArgumentException("not a sustained state");
    }
    on = parts[0].equals("1");
    resetRun();
    run = restoredRun;
    runStart = restoredStart;
    last = restoredLast;
    if (withRun) {
      runValues.addAll(Arrays.asList(parts[4].split(",")));
    }
  }

  private boolean isWorthKeeping() {
    return on || run > 0;
  }

  private void resetRun() {
    run = 0;
    runStart = null;
    runValues.clear();
  }
}

package io.shouwang.alerting.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 */
final class Sustained {

  enum Change {
    NONE,
    RAISED,
    CLEARED
  }

  private static final int KEPT_VALUES = 10;

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

  Sustained(int readings, Duration duration, Duration maxGap) {
    this.readings = readings;
    this.duration = duration;
    this.maxGap = maxGap;
  }

  /**
   * One reading: {@code beyond} the threshold, or {@code backInside} by the margin (neither when it
   * is in between). {@code value} is kept for the details of the change.
   */
  Change step(boolean beyond, boolean backInside, Instant at, String value) {
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

  private void resetRun() {
    run = 0;
    runStart = null;
    runValues.clear();
  }
}

package io.shouwang.alerting.rules;

import io.shouwang.registry.Household;
import io.shouwang.registry.QuietWindow;
import io.shouwang.registry.Resident;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The quiet windows of one household: its residents' own where they apply, the defaults elsewhere.
 * When two residents' windows apply at the same time, the shorter one wins: a household is checked
 * on as soon as either resident's pattern says so.
 */
final class QuietSchedule {

  private final List<QuietWindow> own;
  private final List<QuietWindow> defaults;

  private QuietSchedule(List<QuietWindow> own, List<QuietWindow> defaults) {
    this.own = own;
    this.defaults = defaults;
  }

  static QuietSchedule of(Household household, List<QuietWindow> defaults) {
    List<QuietWindow> own = new ArrayList<>();
    for (Resident resident : household.residents()) {
      own.addAll(resident.quietWindows());
    }
    return new QuietSchedule(List.copyOf(own), defaults);
  }

  /** The window that applies at this time of day. */
  QuietWindow at(LocalTime time) {
    QuietWindow best = null;
    for (QuietWindow window : own) {
      if (window.contains(time)
          && (best == null || window.maxQuiet().compareTo(best.maxQuiet()) < 0)) {
        best = window;
      }
    }
    if (best != null) {
      return best;
    }
    for (QuietWindow window : defaults) {
      if (window.contains(time)) {
        return window;
      }
    }
    // RuleSettings.Inactivity checks that the defaults cover the whole day.
    throw new IllegalStateException("no quiet window at " + time);
  }
}

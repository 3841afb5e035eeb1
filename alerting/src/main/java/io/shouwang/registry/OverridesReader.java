package io.shouwang.registry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a resident's optional overrides of the alert rules' defaults: {@code vitals} thresholds and
 * {@code quietWindows}. Problems are reported like every other mistake in the file.
 */
final class OverridesReader {

  private static final List<String> VITALS =
      Arrays.stream(VitalLimit.values()).map(VitalLimit::key).toList();
  private static final List<String> WINDOW = List.of("from", "to", "maxQuiet");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  // Shorter windows would page for a nap; a longer one is no welfare check at all.
  private static final Duration MIN_QUIET = Duration.ofMinutes(15);
  private static final Duration MAX_QUIET = Duration.ofHours(48);

  private final Problems problems;

  OverridesReader(Problems problems) {
    this.problems = problems;
  }

  /** The resident's thresholds; empty when the key is absent or has problems (reported). */
  Map<VitalLimit, Double> vitals(Fields resident) {
    Fields f = resident.optionalMapping("vitals", VITALS);
    if (f == null) {
      return Map.of();
    }
    Map<VitalLimit, Double> limits = new EnumMap<>(VitalLimit.class);
    for (VitalLimit limit : VitalLimit.values()) {
      String key = limit.key();
      Double value = f.optionalNumber(key);
      if (value == null) {
        continue;
      }
      if (value < limit.min() || value > limit.max()) {
        problems.add(
            f.line(key),
            f.path(key),
            String.format(
                "%s %s outside %s..%s",
                key, number(value), number(limit.min()), number(limit.max())));
      } else {
        limits.put(limit, value);
      }
    }
    for (Map.Entry<VitalLimit, Double> low : limits.entrySet()) {
      Optional<VitalLimit> high = low.getKey().opposite();
      if (low.getKey().isLow() && high.isPresent() && limits.containsKey(high.get())) {
        double highValue = limits.get(high.get());
        if (low.getValue() >= highValue) {
          String key = low.getKey().key();
          problems.add(
              f.line(key),
              f.path(key),
              String.format(
                  "%s %s must be below %s %s",
                  key, number(low.getValue()), high.get().key(), number(highValue)));
        }
      }
    }
    return limits;
  }

  /** The resident's quiet windows, which must not overlap; empty when absent. */
  List<QuietWindow> quietWindows(Fields resident) {
    List<Fields.Item> items = resident.list("quietWindows", false);
    if (items == null) {
      return List.of();
    }
    List<QuietWindow> windows = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      Fields.Item item = items.get(index);
      QuietWindow window = window(item);
      if (window == null) {
        continue;
      }
      for (int i = 0; i < windows.size(); i++) {
        if (windows.get(i).overlaps(window)) {
          problems.add(
              item.node(),
              item.path(),
              String.format(
                  "quiet window %s overlaps quietWindows[%d] (%s)",
                  window.span(), indexes.get(i), windows.get(i).span()));
        }
      }
      windows.add(window);
      indexes.add(index);
    }
    return windows;
  }

  private QuietWindow window(Fields.Item item) {
    int before = problems.count();
    Fields f = Fields.of(item.node(), item.path(), problems, WINDOW);
    if (f == null) {
      return null;
    }
    LocalTime from = time(f, "from");
    LocalTime to = time(f, "to");
    Duration maxQuiet = maxQuiet(f);
    if (from != null && from.equals(to)) {
      problems.add(
          f.line("to"),
          f.path("to"),
          "a quiet window needs different from and to (write two windows for the whole day)");
    }
    return problems.count() == before ? new QuietWindow(from, to, maxQuiet) : null;
  }

  private LocalTime time(Fields f, String key) {
    String text = f.requiredText(key);
    if (text == null) {
      return null;
    }
    Matcher m = TIME.matcher(text);
    if (m.matches()) {
      int hour = Integer.parseInt(m.group(1));
      int minute = Integer.parseInt(m.group(2));
      if (hour < 24 && minute < 60) {
        return LocalTime.of(hour, minute);
      }
    }
    problems.add(
        f.line(key), f.path(key), "invalid time '" + text + "' (expected HH:MM, 00:00 to 23:59)");
    return null;
  }

  private Duration maxQuiet(Fields f) {
    String text = f.requiredText("maxQuiet");
    if (text == null) {
      return null;
    }
    Optional<Duration> parsed = Durations.parse(text);
    if (parsed.isEmpty()) {
      problems.add(
          f.line("maxQuiet"),
          f.path("maxQuiet"),
          "invalid duration '" + text + "' (expected " + Durations.SYNTAX + ")");
      return null;
    }
    Duration maxQuiet = parsed.get();
    if (maxQuiet.compareTo(MIN_QUIET) < 0 || maxQuiet.compareTo(MAX_QUIET) > 0) {
      problems.add(
          f.line("maxQuiet"), f.path("maxQuiet"), "maxQuiet " + text + " outside 15m..48h");
      return null;
    }
    return maxQuiet;
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}

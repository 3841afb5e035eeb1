package io.shouwang.alerting.rules;

import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.Durations;
import io.shouwang.registry.QuietWindow;
import io.shouwang.registry.VitalLimit;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every tunable of the standard rules, with the defaults of RULES.md. Residents may override the
 * vital thresholds and quiet windows in the registry. Each constructor checks its values and throws
 * IllegalArgumentException with a message that starts with the setting's key.
 */
public record RuleSettings(
    Button button,
    Gas gas,
    Vitals vitals,
    Trend trend,
    Supervision supervision,
    Battery battery,
    Inactivity inactivity) {

  public RuleSettings {
    Objects.requireNonNull(button, "button");
    Objects.requireNonNull(gas, "gas");
    Objects.requireNonNull(vitals, "vitals");
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(supervision, "supervision");
    Objects.requireNonNull(battery, "battery");
    Objects.requireNonNull(inactivity, "inactivity");
  }

  /** The defaults of RULES.md. */
  public static RuleSettings defaults() {
    return new RuleSettings(
        new Button(Duration.ofSeconds(30)),
        new Gas(Duration.ofSeconds(20), 2, Duration.ofSeconds(60)),
        Vitals.defaults(),
        new Trend(Duration.ofHours(6), Duration.ofDays(7), 3, 1, 4, 20),
        Supervision.defaults(),
        new Battery(15, 25),
        new Inactivity(
            ZoneId.of("Asia/Shanghai"),
            List.of(
                new QuietWindow(LocalTime.of(7, 0), LocalTime.of(22, 0), Duration.ofHours(3)),
                new QuietWindow(LocalTime.of(22, 0), LocalTime.of(7, 0), Duration.ofHours(10)))));
  }

  /**
   * The defaults overlaid with a configuration tree (the {@code rules:} section of the engine's
   * config, as read from YAML or JSON): absent keys keep their default, unknown keys are errors.
   * Throws IllegalArgumentException whose message starts with the offending key, e.g. {@code
   * gas.confirmWithin: expected a duration such as 30s, 10m, 3h or 7d, got the number 20}.
   */
  public static RuleSettings fromMap(Map<String, ?> map) {
    return SettingsReader.read(map);
  }

  /**
   * The emergency button.
   *
   * @param cancelGrace how long after a press the resident's CANCEL withdraws it
   */
  public record Button(Duration cancelGrace) {
    public Button {
      positive(cancelGrace, "button.cancelGrace");
    }
  }

  /**
   * The gas detector and valve.
   *
   * @param confirmWithin how long the valve has to report CLOSED and the gas to fall
   * @param retries how many times a CLOSE is sent again when that does not happen
   * @param commandTtl how long a CLOSE stays valid on its way to the valve (its expires_at)
   */
  public record Gas(Duration confirmWithin, int retries, Duration commandTtl) {
    public Gas {
      positive(confirmWithin, "gas.confirmWithin");
      atLeast(retries, 0, "gas.retries");
      positive(commandTtl, "gas.commandTtl");
    }
  }

  /**
   * Thresholds on vital signs.
   *
   * @param limits the default threshold of every {@link VitalLimit}
   * @param clearMargins how far back inside its threshold a value must be to count as normal
   * @param consecutive a condition is sustained after this many readings in a row...
   * @param sustainedFor ...or when its readings in a row span this long
   * @param maxGap a longer gap between two readings starts a new run
   * @param staleAfter a reading whose device time is older than this on arrival is flagged
   */
  public record Vitals(
      Map<VitalLimit, Double> limits,
      Map<VitalLimit, Double> clearMargins,
      int consecutive,
      Duration sustainedFor,
      Duration maxGap,
      Duration staleAfter) {

    public Vitals {
      limits = complete(limits, "vitals.limits");
      clearMargins = complete(clearMargins, "vitals.clearMargins");
      for (VitalLimit limit : VitalLimit.values()) {
        double value = limits.get(limit);
        if (value < limit.min() || value > limit.max()) {
          throw invalid(
              "vitals.limits." + limit.key(),
              "must be within " + limit.min() + ".." + limit.max() + ", got " + value);
        }
        if (limit.isLow()
            && limit.opposite().isPresent()
            && value >= limits.get(limit.opposite().get())) {
          throw invalid(
              "vitals.limits." + limit.key(),
              "must be below " + limit.opposite().get().key() + ", got " + value);
        }
        if (clearMargins.get(limit) < 0) {
          throw invalid("vitals.clearMargins." + limit.key(), "must not be negative");
        }
      }
      atLeast(consecutive, 1, "vitals.consecutive");
      positive(sustainedFor, "vitals.sustainedFor");
      positive(maxGap, "vitals.maxGap");
      positive(staleAfter, "vitals.staleAfter");
    }

    static Vitals defaults() {
      Map<VitalLimit, Double> limits = new EnumMap<>(VitalLimit.class);
      Map<VitalLimit, Double> margins = new EnumMap<>(VitalLimit.class);
      limits.put(VitalLimit.HEART_RATE_LOW, 40.0);
      margins.put(VitalLimit.HEART_RATE_LOW, 5.0);
      limits.put(VitalLimit.HEART_RATE_HIGH, 130.0);
      margins.put(VitalLimit.HEART_RATE_HIGH, 10.0);
      limits.put(VitalLimit.SPO2_LOW, 90.0);
      margins.put(VitalLimit.SPO2_LOW, 2.0);
      limits.put(VitalLimit.SYSTOLIC_LOW, 90.0);
      margins.put(VitalLimit.SYSTOLIC_LOW, 5.0);
      limits.put(VitalLimit.SYSTOLIC_HIGH, 180.0);
      margins.put(VitalLimit.SYSTOLIC_HIGH, 10.0);
      limits.put(VitalLimit.DIASTOLIC_HIGH, 120.0);
      margins.put(VitalLimit.DIASTOLIC_HIGH, 10.0);
      limits.put(VitalLimit.GLUCOSE_LOW, 3.9);
      margins.put(VitalLimit.GLUCOSE_LOW, 0.5);
      limits.put(VitalLimit.GLUCOSE_HIGH, 16.7);
      margins.put(VitalLimit.GLUCOSE_HIGH, 1.0);
      return new Vitals(
          limits,
          margins,
          3,
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofMinutes(15));
    }
  }

  /**
   * The SpO2 trend: the recent mean against the resident's own baseline.
   *
   * @param recent the recent window (whole hours)
   * @param baseline how far back the baseline reaches (whole hours, longer than recent); the recent
   *     window is not part of it
   * @param drop percentage points below the baseline that raise
   * @param clearMargin the drop must shrink below {@code drop - clearMargin} to clear
   * @param minRecent readings needed in the recent window before concluding anything
   * @param minBaseline readings needed in the baseline before concluding anything
   */
  public record Trend(
      Duration recent,
      Duration baseline,
      double drop,
      double clearMargin,
      int minRecent,
      int minBaseline) {

    public Trend {
      wholeHours(recent, "trend.recent");
      wholeHours(baseline, "trend.baseline");
      if (baseline.compareTo(recent) <= 0) {
        throw invalid("trend.baseline", "must be longer than trend.recent");
      }
      if (!(drop > 0)) {
        throw invalid("trend.drop", "must be positive, got " + drop);
      }
      if (!(clearMargin >= 0 && clearMargin < drop)) {
        throw invalid("trend.clearMargin", "must be at least 0 and below trend.drop");
      }
      atLeast(minRecent, 1, "trend.minRecent");
      atLeast(minBaseline, 1, "trend.minBaseline");
    }
  }

  /**
   * Device supervision.
   *
   * @param silence how long each kind of device may stay silent before it counts as offline
   * @param startupGrace how long after a start no device is flagged, whatever its stored last-seen
   *     time says: after the gateway's own downtime every device needs a moment to be heard
   *     again. Empty: half of each kind's silence window. At most the shortest window, since a
   *     longer grace would make a restart notice silence later than counting from the start does
   */
  public record Supervision(Map<DeviceKind, Duration> silence, Optional<Duration> startupGrace) {
    public Supervision {
      Objects.requireNonNull(silence, "supervision.silence");
      Objects.requireNonNull(startupGrace, "supervision.startupGrace");
      EnumMap<DeviceKind, Duration> copy = new EnumMap<>(DeviceKind.class);
      copy.putAll(silence);
      for (DeviceKind kind : DeviceKind.values()) {
        if (!copy.containsKey(kind)) {
          throw invalid("supervision.silence", "missing " + kind.yamlName());
        }
        positive(copy.get(kind), "supervision.silence." + kind.yamlName());
      }
      silence = Collections.unmodifiableMap(copy);
      if (startupGrace.isPresent()) {
        Duration grace = startupGrace.get();
        positive(grace, "supervision.startupGrace");
        graceWithin(grace, Collections.min(copy.values()), "supervision.startupGrace",
            "silence window");
      }
    }

    /** With the default startup grace: half of each kind's silence window. */
    public Supervision(Map<DeviceKind, Duration> silence) {
      this(silence, Optional.empty());
    }

    /** How long after a start a device of this kind is never flagged. */
    public Duration graceFor(DeviceKind kind) {
      return startupGrace.orElseGet(() -> silence.get(kind).dividedBy(2));
    }

    static Supervision defaults() {
      Map<DeviceKind, Duration> silence = new EnumMap<>(DeviceKind.class);
      for (DeviceKind kind : DeviceKind.values()) {
        silence.put(kind, Duration.ofMinutes(30));
      }
      // The household is unprotected without these, so their silence is noticed sooner.
      for (DeviceKind kind :
          List.of(
              DeviceKind.EMERGENCY_BUTTON,
              DeviceKind.SMOKE_ALARM,
              DeviceKind.GAS_DETECTOR,
              DeviceKind.GAS_VALVE)) {
        silence.put(kind, Duration.ofMinutes(10));
      }
      return new Supervision(silence);
    }
  }

  /**
   * Battery levels from heartbeats.
   *
   * @param lowPercent below this the battery is low
   * @param clearPercent above this it is fine again (the gap stops a battery near the threshold
   *     from raising again and again)
   */
  public record Battery(int lowPercent, int clearPercent) {
    public Battery {
      if (lowPercent < 1 || lowPercent > 100) {
        throw invalid("battery.lowPercent", "must be within 1..100, got " + lowPercent);
      }
      if (clearPercent < lowPercent || clearPercent > 100) {
        throw invalid(
            "battery.clearPercent",
            "must be within battery.lowPercent (" + lowPercent + ")..100, got " + clearPercent);
      }
    }
  }

  /**
   * Inactivity.
   *
   * @param zone the time zone in which quiet windows are read
   * @param quietWindows the default windows; they must cover the whole day without overlapping
   * @param startupGrace how long after a start no household is flagged, whatever its saved last
   *     activity says: movement during the gateway's own downtime may have been lost, and
   *     residents need a moment to be seen again. At most the shortest default window, since a
   *     longer grace would make a restart notice silence later than counting from the start does
   */
  public record Inactivity(ZoneId zone, List<QuietWindow> quietWindows, Duration startupGrace) {

    /** The default startup grace (RULES.md, Inactivity, explains why). */
    public static final Duration DEFAULT_STARTUP_GRACE = Duration.ofMinutes(30);

    public Inactivity {
      Objects.requireNonNull(zone, "inactivity.zone");
      quietWindows = List.copyOf(quietWindows);
      positive(startupGrace, "inactivity.startupGrace");
      long seconds = 0;
      for (int i = 0; i < quietWindows.size(); i++) {
        QuietWindow window = quietWindows.get(i);
        for (int j = 0; j < i; j++) {
          if (quietWindows.get(j).overlaps(window)) {
            throw invalid(
                "inactivity.quietWindows[" + i + "]",
                window.span() + " overlaps " + quietWindows.get(j).span());
          }
        }
        seconds +=
            Math.floorMod(window.to().toSecondOfDay() - window.from().toSecondOfDay(), 86_400);
      }
      if (seconds != 86_400) {
        throw invalid("inactivity.quietWindows", "must cover the whole day (00:00 to 24:00)");
      }
      Duration shortest =
          quietWindows.stream().map(QuietWindow::maxQuiet).min(Duration::compareTo).orElseThrow();
      graceWithin(startupGrace, shortest, "inactivity.startupGrace", "quiet window");
    }

    /** With the default startup grace (or the shortest window, if that is shorter). */
    public Inactivity(ZoneId zone, List<QuietWindow> quietWindows) {
      this(zone, quietWindows, defaultGrace(quietWindows));
    }

    private static Duration defaultGrace(List<QuietWindow> quietWindows) {
      Duration grace = DEFAULT_STARTUP_GRACE;
      for (QuietWindow window : quietWindows) {
        if (window.maxQuiet().compareTo(grace) < 0) {
          grace = window.maxQuiet();
        }
      }
      return grace;
    }
  }

  private static void positive(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw invalid(key, "must be positive, got " + Durations.format(value));
    }
  }

  private static void wholeHours(Duration value, String key) {
    positive(value, key);
    if (!value.equals(Duration.ofHours(value.toHours()))) {
      throw invalid(key, "must be whole hours, got " + Durations.format(value));
    }
  }

  private static void atLeast(int value, int min, String key) {
    if (value < min) {
      throw invalid(key, "must be at least " + min + ", got " + value);
    }
  }

  private static Map<VitalLimit, Double> complete(Map<VitalLimit, Double> values, String key) {
    Objects.requireNonNull(values, key);
    EnumMap<VitalLimit, Double> copy = new EnumMap<>(VitalLimit.class);
    copy.putAll(values);
    for (VitalLimit limit : VitalLimit.values()) {
      if (copy.get(limit) == null) {
        throw invalid(key, "missing " + limit.key());
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  static IllegalArgumentException invalid(String key, String problem) {
    return new IllegalArgumentException(key + ": " + problem);
  }

  /**
   * A startup grace may not outlast the shortest window it delays, or a device (or home) could go
   * unwatched for longer than its own window right after every start.
   */
  private static void graceWithin(Duration grace, Duration shortest, String key, String window) {
    if (grace.compareTo(shortest) > 0) {
      throw invalid(key, "must not be longer than the shortest " + window + " ("
          + Durations.format(shortest) + "), got " + Durations.format(grace));
    }
  }
}

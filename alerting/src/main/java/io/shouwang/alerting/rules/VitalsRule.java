package io.shouwang.alerting.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.Cause;
import io.shouwang.alerting.DeviceCommand;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.Signal;
import io.shouwang.registry.Household;
import io.shouwang.registry.PlacedDevice;
import io.shouwang.registry.Registry;
import io.shouwang.registry.Resident;
import io.shouwang.registry.VitalLimit;
import io.shouwang.schemas.v1.Envelope;
import io.shouwang.schemas.v1.HealthReading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Health readings: sustained values beyond a threshold (the resident's own, else the default),
 * sustained atrial fibrillation, and an SpO2 mean falling below the resident's own baseline each
 * raise ABNORMAL_VITALS; CLEARED once every such condition of the household is back to normal.
 *
 * <p>Readings of POOR or INVALID quality, or that arrive stale, are flagged instead: counted (a
 * metric) and listed in the next signal's "flagged" detail, never alerted on and never clearing.
 *
 * <p>Each condition's state and the SpO2 hourly sums are kept across a restart (entries keyed
 * {@code <monitor>:<condition>}, the key of the condition in {@link Conditions} too); the counts
 * of flagged readings not yet reported are not.
 */
final class VitalsRule implements Rule {

  /** The name its state is saved under. */
  static final String STATE = "vitals";

  private static final String AFIB = "atrialFibrillation";
  private static final String TREND = VitalsKey.TREND;

  /** Everything known about one health monitor. */
  private final class Monitor {
    final Map<VitalLimit, Sustained> bounds = new EnumMap<>(VitalLimit.class);
    final Sustained afib;
    final Spo2Trend trend;
    final Map<String, Integer> flagged = new LinkedHashMap<>();

    Monitor(String deviceId) {
      for (VitalLimit limit : VitalLimit.values()) {
        bounds.put(limit, sustained(condition(deviceId, limit.key())));
      }
      afib = sustained(condition(deviceId, AFIB));
      trend = new Spo2Trend(kept, condition(deviceId, TREND), trendSettings);
    }
  }

  private final Registry registry;
  private final RuleSettings.Vitals settings;
  private final RuleSettings.Trend trendSettings;
  private final Conditions conditions;
  private final Map<String, Counter> flaggedCounters = new HashMap<>();
  private final Map<String, Monitor> monitors = new HashMap<>();
  private final KeptEntries kept = new KeptEntries(STATE);

  VitalsRule(
      Registry registry,
      RuleSettings.Vitals settings,
      RuleSettings.Trend trendSettings,
      Conditions conditions,
      MeterRegistry meters) {
    this.registry = registry;
    this.settings = settings;
    this.trendSettings = trendSettings;
    this.conditions = conditions;
    for (String reason : List.of("poor", "invalid", "stale")) {
      flaggedCounters.put(
          reason,
          Counter.builder("shouwang.rules.vitals.flagged")
              .description("Health readings not alerted on: poor or invalid quality, or stale")
              .tag("reason", reason)
              .register(meters));
    }
  }

  @Override
  public RuleOutput onMessage(DeviceMessage message) {
    if (message.envelope().getPayloadCase() != Envelope.PayloadCase.HEALTH) {
      return RuleOutput.NONE;
    }
    HealthReading reading = message.envelope().getHealth();
    Monitor monitor = monitors.computeIfAbsent(message.envelope().getDeviceId(), Monitor::new);
    String flag = flag(message, reading);
    if (flag != null) {
      monitor.flagged.merge(flag, 1, Integer::sum);
      flaggedCounters.get(flag).increment();
      return RuleOutput.NONE;
    }
    Instant at = message.timestamp();
    Map<VitalLimit, Double> limits = limitsFor(message.device().household());
    Map<String, String> raised = new LinkedHashMap<>();
    Set<String> summaries = new LinkedHashSet<>();
    List<String> cleared = new ArrayList<>();
    for (VitalLimit limit : VitalLimit.values()) {
      OptionalDouble value = Readings.value(reading, limit);
      if (value.isEmpty()) {
        continue;
      }
      double v = value.getAsDouble();
      double threshold = limits.get(limit);
      double margin = settings.clearMargins().get(limit);
      boolean beyond = limit.isLow() ? v < threshold : v > threshold;
      boolean backInside = limit.isLow() ? v >= threshold + margin : v <= threshold - margin;
      Sustained bound = monitor.bounds.get(limit);
      Sustained.Change change = bound.step(beyond, backInside, at, Readings.format(v));
      if (change == Sustained.Change.RAISED) {
        summaries.add(summary(limit));
        raised.put(limit.key() + "_limit", Readings.format(threshold));
        raised.put(limit.key() + "_run", String.join(",", bound.lastRun()));
      }
      note(change, message, limit.key(), cleared);
    }
    HealthReading.EcgRhythm rhythm = reading.getEcgRhythm();
    if (rhythm != HealthReading.EcgRhythm.ECG_RHYTHM_UNSPECIFIED) {
      boolean af = rhythm == HealthReading.EcgRhythm.ATRIAL_FIBRILLATION;
      Sustained.Change change = monitor.afib.step(af, !af, at, rhythm.name());
      if (change == Sustained.Change.RAISED) {
        summaries.add("atrial fibrillation sustained");
        raised.put(AFIB + "_since", monitor.afib.lastRunStart().toString());
      }
      note(change, message, AFIB, cleared);
    }
    if (reading.hasSpo2Percent()) {
      Sustained.Change change = monitor.trend.add(at, reading.getSpo2Percent());
      if (change == Sustained.Change.RAISED) {
        summaries.add("oxygen saturation trending down");
        Spo2Trend.Means means = monitor.trend.means();
        raised.put(TREND + "_recent_mean", Readings.format(means.recent()));
        raised.put(TREND + "_recent_readings", Integer.toString(means.recentCount()));
        raised.put(TREND + "_baseline_mean", Readings.format(means.baseline()));
        raised.put(TREND + "_baseline_readings", Integer.toString(means.baselineCount()));
      }
      note(change, message, TREND, cleared);
    }
    return signals(message, reading, monitor, summaries, raised, cleared);
  }

  /** Tracks the household's conditions; {@code cleared} collects those whose end clears it all. */
  private void note(
      Sustained.Change change, DeviceMessage message, String condition, List<String> cleared) {
    String key = condition(message.envelope().getDeviceId(), condition);
    if (change == Sustained.Change.RAISED) {
      conditions.raise(message.householdId(), Cause.ABNORMAL_VITALS, key);
    } else if (change == Sustained.Change.CLEARED
        && conditions.clear(message.householdId(), Cause.ABNORMAL_VITALS, key)) {
      cleared.add(condition);
    }
  }

  /** At most one RAISE and one CLEARED per reading, however many conditions changed. */
  private RuleOutput signals(
      DeviceMessage message,
      HealthReading reading,
      Monitor monitor,
      Set<String> summaries,
      Map<String, String> raised,
      List<String> cleared) {
    Output out = new Output();
    if (!summaries.isEmpty()) {
      Map<String, String> details = details(reading, monitor);
      details.putAll(raised);
      out.add(
          Signals.of(
              Signal.Kind.RAISE,
              Cause.ABNORMAL_VITALS,
              message,
              String.join("; ", summaries),
              details));
    } else if (!cleared.isEmpty()) {
      Map<String, String> details = details(reading, monitor);
      details.put("cleared", String.join(",", cleared));
      out.add(
          Signals.of(
              Signal.Kind.CLEARED,
              Cause.ABNORMAL_VITALS,
              message,
              "vitals back to normal",
              details));
    }
    return out.build();
  }

  private Map<String, String> details(HealthReading reading, Monitor monitor) {
    Map<String, String> details = new LinkedHashMap<>(Readings.details(reading));
    if (!monitor.flagged.isEmpty()) {
      List<String> parts = new ArrayList<>();
      monitor.flagged.forEach((reason, count) -> parts.add(reason + " " + count));
      details.put("flagged", String.join(", ", parts));
      // Reported once: the next signal counts from here.
      monitor.flagged.clear();
    }
    return details;
  }

  /** Why a reading must not be alerted on, or null when it is fine. */
  private String flag(DeviceMessage message, HealthReading reading) {
    if (reading.getQuality() == HealthReading.Quality.POOR) {
      return "poor";
    }
    if (reading.getQuality() == HealthReading.Quality.INVALID) {
      return "invalid";
    }
    Duration age = Duration.between(message.timestamp(), message.receivedAt());
    return age.compareTo(settings.staleAfter()) > 0 ? "stale" : null;
  }

  /**
   * The defaults overlaid with the household's resident's own limits. The registry does not say who
   * wears a monitor: the first resident with vitals overrides is taken to be the wearer.
   */
  private Map<VitalLimit, Double> limitsFor(Household household) {
    for (Resident resident : household.residents()) {
      if (!resident.vitals().isEmpty()) {
        Map<VitalLimit, Double> limits = new EnumMap<>(settings.limits());
        limits.putAll(resident.vitals());
        return limits;
      }
    }
    return settings.limits();
  }

  private Sustained sustained(String key) {
    return new Sustained(
        kept, key, settings.consecutive(), settings.sustainedFor(), settings.maxGap());
  }

  private static String condition(String deviceId, String condition) {
    return VitalsKey.of(deviceId, condition);
  }

  private static String summary(VitalLimit limit) {
    return switch (limit) {
      case HEART_RATE_LOW -> "heart rate low";
      case HEART_RATE_HIGH -> "heart rate high";
      case SPO2_LOW -> "oxygen saturation low";
      case SYSTOLIC_LOW -> "blood pressure low";
      case SYSTOLIC_HIGH, DIASTOLIC_HIGH -> "blood pressure high";
      case GLUCOSE_LOW -> "blood glucose low";
      case GLUCOSE_HIGH -> "blood glucose high";
    };
  }

  @Override
  public RuleOutput onTick(Instant now) {
    return RuleOutput.NONE;
  }

  @Override
  public Optional<RuleState> state() {
    return Optional.of(kept);
  }

  /**
   * Takes back each monitor's conditions and SpO2 sums; a condition that was on is active again
   * in {@link Conditions}, so its end sends CLEARED as it would have without the restart.
   */
  @Override
  public List<DeviceCommand> resume(Restart restart) {
    restart.ruleState(STATE).forEach((key, value) -> {
      try {
        restore(key, value, restart.start());
      } catch (IllegalArgumentException e) {
        kept.unreadable(key);
      }
    });
    kept.reportUnreadable();
    return List.of();
  }

  /** One saved entry (see {@link VitalsKey}). */
  private void restore(String key, String value, Instant start) {
    VitalsKey parsed = VitalsKey.parse(key);
    Optional<PlacedDevice> device = registry.device(parsed.deviceId());
    if (device.isEmpty()) {
      kept.forget(key);
      return;
    }
    Monitor monitor = monitors.computeIfAbsent(parsed.deviceId(), Monitor::new);
    if (parsed.isTrendHour()) {
      monitor.trend.restoreHour(parsed.hour(), value, start);
      return;
    }
    boolean on;
    if (parsed.condition().equals(TREND)) {
      monitor.trend.restoreOn();
      on = true;
    } else {
      Sustained sustained = parsed.condition().equals(AFIB) ? monitor.afib
          : monitor.bounds.get(VitalLimit.fromKey(parsed.condition()).orElseThrow(
              () -> new IllegalArgumentException("not a vitals condition")));
      sustained.restore(value);
      on = sustained.isOn();
    }
    if (on) {
      conditions.raise(device.get().household().id(), Cause.ABNORMAL_VITALS, key);
    }
  }
}

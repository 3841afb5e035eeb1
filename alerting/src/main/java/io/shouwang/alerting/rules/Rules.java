package io.shouwang.alerting.rules;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.shouwang.registry.Registry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The standard rule set of RULES.md, wired for one engine. */
public final class Rules {

  private Rules() {}

  /** The standard rules, with metrics on Micrometer's global registry. */
  public static List<Rule> standard(Registry registry, RuleSettings settings, Clock clock) {
    return standard(registry, settings, clock, Metrics.globalRegistry);
  }

  /**
   * The standard rules. They keep state and must all be called on one thread; {@code clock} gives
   * their start time (device clocks start there) and the time of commands they send.
   */
  public static List<Rule> standard(
      Registry registry, RuleSettings settings, Clock clock, MeterRegistry meters) {
    // One instance for all: several rules feed PROTECTION_LOST (silence, failed self-test).
    Conditions conditions = new Conditions();
    return List.of(
        new EmergencyButtonRule(settings.button()),
        new ServiceButtonRule(),
        new SmokeRule(conditions),
        new GasRule(registry, settings.gas(), clock, () -> UUID.randomUUID().toString()),
        new DoorRule(conditions),
        new VitalsRule(registry, settings.vitals(), settings.trend(), conditions, meters),
        new SupervisionRule(registry, settings.supervision(), conditions, clock.instant()),
        new BatteryRule(settings.battery(), conditions),
        new InactivityRule(registry, settings.inactivity(), clock.instant()));
  }
}

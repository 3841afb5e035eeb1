package io.shouwang.alerting.config;

import io.shouwang.alerting.Cause;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Typed alerting configuration: escalation policies, which household and cause uses which, the
 * channels each role is paged on, and dispatch timing. Validated when built.
 *
 * @param policies escalation policies by name
 * @param defaultPolicy the policy of households that are not mapped (normally "standard")
 * @param causePolicies causes with a policy of their own (fire and gas start at the duty desk);
 *     they win over the household's policy
 * @param householdPolicies household id to policy name
 * @param roleChannels recipient role (caregiver, family, ...) to channel names, in order
 * @param acceptUrl template of the page's accept link with {@code {id}} for the incident id, or
 *     null when no API serves it
 * @param staffLanguage language of caregivers' and duty desks' pages (contacts get the resident's)
 * @param zone time zone of the times written in pages
 * @param telemetryQueueCapacity telemetry messages the engine holds before it drops (and counts)
 * @param lastSeenSaveInterval how often what changed since the last save is saved: devices'
 *     last-heard times and the rules' state (the name is from when it saved only the former;
 *     after a restart supervision counts silence from them, the other rules pick up their state)
 */
public record AlertingConfig(
    Map<String, EscalationPolicy> policies,
    String defaultPolicy,
    Map<Cause, String> causePolicies,
    Map<String, String> householdPolicies,
    Map<String, List<String>> roleChannels,
    DispatchSettings dispatch,
    EscalationSettings escalation,
    String acceptUrl,
    String staffLanguage,
    ZoneId zone,
    int telemetryQueueCapacity,
    Duration lastSeenSaveInterval) {

  /** The recipient roles a channel list may be given for. */
  public static final Set<String> ROLES =
      Set.of("caregiver", "family", "neighbour", "key_holder", "doctor", "duty_desk");

  public AlertingConfig {
    policies = Map.copyOf(policies);
    causePolicies = causePolicies.isEmpty() ? Map.of() : new EnumMap<>(causePolicies);
    householdPolicies = Map.copyOf(householdPolicies);
    Map<String, List<String>> channels = new LinkedHashMap<>();
    roleChannels.forEach((role, names) -> channels.put(role, List.copyOf(names)));
    roleChannels = Map.copyOf(channels);
    Objects.requireNonNull(dispatch, "dispatch");
    Objects.requireNonNull(escalation, "escalation");
    Objects.requireNonNull(staffLanguage, "staffLanguage");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(lastSeenSaveInterval, "lastSeenSaveInterval");
    requirePolicy("defaultPolicy", defaultPolicy, policies);
    for (Map.Entry<Cause, String> e : causePolicies.entrySet()) {
      requirePolicy("causePolicies." + e.getKey().label(), e.getValue(), policies);
    }
    for (Map.Entry<String, String> e : householdPolicies.entrySet()) {
      requirePolicy("households." + e.getKey(), e.getValue(), policies);
    }
    for (String role : roleChannels.keySet()) {
      if (!ROLES.contains(role)) {
        throw new AlertingConfigException("channels." + role, "unknown role (expected one of "
            + String.join(", ", ROLES.stream().sorted().toList()) + ")");
      }
    }
  }

  /** Built-in defaults: the policies and channels the product brief describes. */
  public static AlertingConfig defaults() {
    return ConfigReader.defaults();
  }

  /** Reads a YAML file over the defaults; throws {@link AlertingConfigException} naming the key. */
  public static AlertingConfig load(Path yaml) {
    return ConfigReader.load(yaml);
  }

  /** The policy for an incident of this cause in this household. */
  public EscalationPolicy policyFor(String householdId, Cause cause) {
    String name = causePolicies.get(cause);
    if (name == null) {
      name = householdPolicies.getOrDefault(householdId, defaultPolicy);
    }
    return policies.get(name);
  }

  /** The named policy, or the default one when the name is gone (a stored incident, new config). */
  public EscalationPolicy policy(String name) {
    EscalationPolicy policy = name == null ? null : policies.get(name);
    return policy != null ? policy : policies.get(defaultPolicy);
  }

  /** The channels a recipient of this role is paged on; empty for an unknown role. */
  public List<String> channelsFor(String role) {
    return roleChannels.getOrDefault(role, List.of());
  }

  /** The accept link of this incident, or null when none is configured. */
  public String acceptUrlFor(String incidentId) {
    return acceptUrl == null ? null : acceptUrl.replace("{id}", incidentId);
  }

  /** A copy with other dispatch settings. */
  public AlertingConfig withDispatch(DispatchSettings settings) {
    return new AlertingConfig(policies, defaultPolicy, causePolicies, householdPolicies,
        roleChannels, settings, escalation, acceptUrl, staffLanguage, zone,
        telemetryQueueCapacity, lastSeenSaveInterval);
  }

  /** A copy with other escalation timing. */
  public AlertingConfig withEscalation(EscalationSettings settings) {
    return new AlertingConfig(policies, defaultPolicy, causePolicies, householdPolicies,
        roleChannels, dispatch, settings, acceptUrl, staffLanguage, zone, telemetryQueueCapacity,
        lastSeenSaveInterval);
  }

  /** A copy with other role channels. */
  public AlertingConfig withRoleChannels(Map<String, List<String>> channels) {
    return new AlertingConfig(policies, defaultPolicy, causePolicies, householdPolicies,
        channels, dispatch, escalation, acceptUrl, staffLanguage, zone, telemetryQueueCapacity,
        lastSeenSaveInterval);
  }

  /** A copy with another telemetry queue capacity. */
  public AlertingConfig withTelemetryQueueCapacity(int capacity) {
    return new AlertingConfig(policies, defaultPolicy, causePolicies, householdPolicies,
        roleChannels, dispatch, escalation, acceptUrl, staffLanguage, zone, capacity,
        lastSeenSaveInterval);
  }

  /** A copy that saves devices' last-heard times and the rules' state at another interval. */
  public AlertingConfig withLastSeenSaveInterval(Duration interval) {
    return new AlertingConfig(policies, defaultPolicy, causePolicies, householdPolicies,
        roleChannels, dispatch, escalation, acceptUrl, staffLanguage, zone,
        telemetryQueueCapacity, interval);
  }

  private static void requirePolicy(String key, String name, Map<String, EscalationPolicy> all) {
    if (name == null || !all.containsKey(name)) {
      throw new AlertingConfigException(key, "unknown policy '" + name + "' (expected one of "
          + String.join(", ", all.keySet().stream().sorted().toList()) + ")");
    }
  }
}

package io.shouwang.alerting.config;

import static io.shouwang.alerting.config.ConfigValues.duration;
import static io.shouwang.alerting.config.ConfigValues.integer;
import static io.shouwang.alerting.config.ConfigValues.join;
import static io.shouwang.alerting.config.ConfigValues.onlyKeys;
import static io.shouwang.alerting.config.ConfigValues.text;
import static io.shouwang.alerting.config.ConfigValues.textList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.shouwang.alerting.Cause;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the alerting YAML over the built-in defaults: a section that is present overrides the
 * default entry by entry (a policy by name, a role's channel list by role).
 */
final class ConfigReader {

  private static final Set<String> ROOT_KEYS = Set.of("acceptUrl", "staffLanguage", "zone",
      "telemetryQueueCapacity", "lastSeenSaveInterval", "defaultPolicy", "escalation", "dispatch", "policies",
      "causePolicies", "households", "channels");
  private static final Set<String> ESCALATION_KEYS =
      Set.of("repeatInterval", "onSiteMargin", "cancelGraceWindow");
  private static final Set<String> DISPATCH_KEYS = Set.of("queueCapacity", "maxInFlight",
      "timeout", "maxAttempts", "initialBackoff", "maxBackoff", "multiplier");
  private static final Set<String> POLICY_KEYS = Set.of("steps", "repeatEvery");
  private static final Set<String> STEP_KEYS = Set.of("after", "notify");
  private static final Set<String> LANGUAGES = Set.of("zh", "en");
  private static final Duration DAY = Duration.ofDays(1);

  /** A policy before the global repeat interval is known; null repeat means "the global one". */
  private record Draft(List<EscalationStep> steps, Duration repeatEvery) {}

  private final Map<String, Draft> policies = new LinkedHashMap<>();
  private final Map<Cause, String> causePolicies = new EnumMap<>(Cause.class);
  private final Map<String, String> households = new HashMap<>();
  private final Map<String, List<String>> channels = new LinkedHashMap<>();
  private String acceptUrl;
  private String staffLanguage = "zh";
  private ZoneId zone = ZoneId.of("Asia/Shanghai");
  private int telemetryQueueCapacity = 10_000;
  private Duration lastSeenSaveInterval = Duration.ofSeconds(60);
  private String defaultPolicy = "standard";
  private Duration repeatInterval = Duration.ofMinutes(2);
  private Duration onSiteMargin = Duration.ofMinutes(10);
  private Duration cancelGraceWindow = Duration.ofSeconds(30);
  private int queueCapacity = 1_000;
  private int maxInFlight = 8;
  private Duration timeout = Duration.ofSeconds(10);
  private int maxAttempts = 5;
  private Duration initialBackoff = Duration.ofSeconds(1);
  private Duration maxBackoff = Duration.ofSeconds(60);
  private double multiplier = 2.0;

  private ConfigReader() {
    Duration zero = Duration.ZERO;
    policies.put("standard", new Draft(List.of(
        EscalationStep.of(zero, RecipientGroup.GRID_CAREGIVERS),
        EscalationStep.of(Duration.ofSeconds(60), RecipientGroup.FAMILY),
        EscalationStep.of(Duration.ofSeconds(180), RecipientGroup.DUTY_DESK)), null));
    policies.put("fire_gas", new Draft(List.of(
        EscalationStep.of(zero, RecipientGroup.DUTY_DESK, RecipientGroup.GRID_CAREGIVERS),
        EscalationStep.of(Duration.ofSeconds(60), RecipientGroup.FAMILY,
            RecipientGroup.KEY_HOLDERS, RecipientGroup.NEIGHBOURS)), null));
    policies.put("service", new Draft(
        List.of(EscalationStep.of(zero, RecipientGroup.DUTY_DESK)), Duration.ofMinutes(30)));
    policies.put("maintenance", new Draft(
        List.of(EscalationStep.of(zero, RecipientGroup.DUTY_DESK)), Duration.ofHours(4)));
    causePolicies.put(Cause.FIRE, "fire_gas");
    causePolicies.put(Cause.GAS_LEAK, "fire_gas");
    causePolicies.put(Cause.SERVICE_REQUEST, "service");
    causePolicies.put(Cause.DEVICE_OFFLINE, "maintenance");
    causePolicies.put(Cause.LOW_BATTERY, "maintenance");
    channels.put("caregiver", List.of("sms", "webhook", "dashboard"));
    channels.put("family", List.of("sms", "email"));
    channels.put("neighbour", List.of("sms"));
    channels.put("key_holder", List.of("sms"));
    channels.put("doctor", List.of("email"));
    channels.put("duty_desk", List.of("dashboard", "webhook", "email"));
  }

  static AlertingConfig defaults() {
    return new ConfigReader().build();
  }

  static AlertingConfig load(Path yaml) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml.toFile());
    } catch (IOException e) {
      throw new AlertingConfigException("(file)", "cannot read " + yaml.getFileName() + ": "
          + e.getClass().getSimpleName(), e);
    }
    ConfigReader reader = new ConfigReader();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      reader.apply(root);
    }
    return reader.build();
  }

  private void apply(JsonNode root) {
    onlyKeys(root, "", ROOT_KEYS);
    if (root.has("acceptUrl")) {
      acceptUrl = text(root.get("acceptUrl"), "acceptUrl");
    }
    if (root.has("staffLanguage")) {
      staffLanguage = language(root.get("staffLanguage"), "staffLanguage");
    }
    if (root.has("zone")) {
      String text = text(root.get("zone"), "zone");
      try {
        zone = ZoneId.of(text);
      } catch (DateTimeException e) {
        throw new AlertingConfigException("zone", "unknown time zone '" + text + "'", e);
      }
    }
    if (root.has("telemetryQueueCapacity")) {
      telemetryQueueCapacity =
          integer(root.get("telemetryQueueCapacity"), "telemetryQueueCapacity", 1, 10_000_000);
    }
    if (root.has("lastSeenSaveInterval")) {
      lastSeenSaveInterval = duration(root.get("lastSeenSaveInterval"), "lastSeenSaveInterval",
          Duration.ofSeconds(1), Duration.ofHours(1));
    }
    if (root.has("defaultPolicy")) {
      defaultPolicy = text(root.get("defaultPolicy"), "defaultPolicy");
    }
    if (root.has("escalation")) {
      escalation(root.get("escalation"));
    }
    if (root.has("dispatch")) {
      dispatch(root.get("dispatch"));
    }
    if (root.has("policies")) {
      fields(root.get("policies"), "policies", (name, node) -> policies.put(name,
          policy(node, join("policies", name))));
    }
    if (root.has("causePolicies")) {
      fields(root.get("causePolicies"), "causePolicies", (name, node) -> causePolicies.put(
          cause(name, join("causePolicies", name)), text(node, join("causePolicies", name))));
    }
    if (root.has("households")) {
      fields(root.get("households"), "households",
          (id, node) -> households.put(id, text(node, join("households", id))));
    }
    if (root.has("channels")) {
      fields(root.get("channels"), "channels",
          (role, node) -> channels.put(role, textList(node, join("channels", role))));
    }
  }

  private void escalation(JsonNode node) {
    onlyKeys(node, "escalation", ESCALATION_KEYS);
    Duration min = Duration.ofSeconds(1);
    if (node.has("repeatInterval")) {
      repeatInterval =
          duration(node.get("repeatInterval"), "escalation.repeatInterval", min, DAY);
    }
    if (node.has("onSiteMargin")) {
      onSiteMargin =
          duration(node.get("onSiteMargin"), "escalation.onSiteMargin", Duration.ZERO, DAY);
    }
    if (node.has("cancelGraceWindow")) {
      cancelGraceWindow = duration(
          node.get("cancelGraceWindow"), "escalation.cancelGraceWindow", Duration.ZERO, DAY);
    }
  }

  private void dispatch(JsonNode node) {
    onlyKeys(node, "dispatch", DISPATCH_KEYS);
    Duration ms = Duration.ofMillis(1);
    if (node.has("queueCapacity")) {
      queueCapacity = integer(node.get("queueCapacity"), "dispatch.queueCapacity", 1, 1_000_000);
    }
    if (node.has("maxInFlight")) {
      maxInFlight = integer(node.get("maxInFlight"), "dispatch.maxInFlight", 1, 1_000);
    }
    if (node.has("timeout")) {
      timeout = duration(node.get("timeout"), "dispatch.timeout", ms, Duration.ofMinutes(5));
    }
    if (node.has("maxAttempts")) {
      maxAttempts = integer(node.get("maxAttempts"), "dispatch.maxAttempts", 1, 100);
    }
    if (node.has("initialBackoff")) {
      initialBackoff = duration(node.get("initialBackoff"), "dispatch.initialBackoff", ms, DAY);
    }
    if (node.has("maxBackoff")) {
      maxBackoff = duration(node.get("maxBackoff"), "dispatch.maxBackoff", ms, DAY);
    }
    if (node.has("multiplier")) {
      multiplier = ConfigValues.decimal(node.get("multiplier"), "dispatch.multiplier", 1.0, 10.0);
    }
  }

  private Draft policy(JsonNode node, String key) {
    onlyKeys(node, key, POLICY_KEYS);
    Duration repeat = node.has("repeatEvery")
        ? duration(node.get("repeatEvery"), join(key, "repeatEvery"), Duration.ofSeconds(1), DAY)
        : null;
    JsonNode steps = node.get("steps");
    if (steps == null || !steps.isArray() || steps.isEmpty()) {
      throw new AlertingConfigException(join(key, "steps"), "expected a list of at least one step");
    }
    List<EscalationStep> parsed = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String stepKey = join(key, "steps") + "[" + i + "]";
      JsonNode step = steps.get(i);
      onlyKeys(step, stepKey, STEP_KEYS);
      Duration after = duration(step.get("after"), join(stepKey, "after"), Duration.ZERO, DAY);
      if (!parsed.isEmpty() && after.compareTo(parsed.get(parsed.size() - 1).after()) < 0) {
        throw new AlertingConfigException(join(stepKey, "after"),
            "must not be earlier than the step before it");
      }
      List<RecipientGroup> groups = new ArrayList<>();
      List<String> names = textList(step.get("notify"), join(stepKey, "notify"));
      for (int g = 0; g < names.size(); g++) {
        String name = names.get(g);
        String groupKey = join(stepKey, "notify") + "[" + g + "]";
        groups.add(RecipientGroup.fromName(name).orElseThrow(() -> new AlertingConfigException(
            groupKey,
            "unknown recipient group '" + name + "' (expected one of grid_caregivers, family,"
                + " neighbours, key_holders, doctors, duty_desk)")));
      }
      if (groups.isEmpty()) {
        throw new AlertingConfigException(join(stepKey, "notify"), "must name at least one group");
      }
      parsed.add(new EscalationStep(after, groups));
    }
    return new Draft(parsed, repeat);
  }

  private static Cause cause(String name, String key) {
    for (Cause cause : Cause.values()) {
      if (cause.label().equals(name.toLowerCase(Locale.ROOT))) {
        return cause;
      }
    }
    throw new AlertingConfigException(key, "unknown cause (expected one of "
        + String.join(", ", Arrays.stream(Cause.values()).map(Cause::label).toList())
        + ")");
  }

  private static String language(JsonNode node, String key) {
    String value = text(node, key);
    if (!LANGUAGES.contains(value)) {
      throw new AlertingConfigException(key, "expected zh or en, got '" + value + "'");
    }
    return value;
  }

  private interface FieldReader {
    void read(String name, JsonNode value);
  }

  private static void fields(JsonNode node, String key, FieldReader reader) {
    ConfigValues.requireMapping(node, key);
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      reader.read(e.getKey(), e.getValue());
    }
  }

  private AlertingConfig build() {
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new AlertingConfigException("dispatch.maxBackoff", "must not be below initialBackoff");
    }
    Map<String, EscalationPolicy> built = new LinkedHashMap<>();
    policies.forEach((name, draft) -> built.put(name, new EscalationPolicy(name, draft.steps(),
        draft.repeatEvery() != null ? draft.repeatEvery() : repeatInterval)));
    return new AlertingConfig(built, defaultPolicy, causePolicies, households, channels,
        new DispatchSettings(queueCapacity, maxInFlight, timeout, maxAttempts, initialBackoff,
            maxBackoff, multiplier),
        new EscalationSettings(repeatInterval, onSiteMargin, cancelGraceWindow),
        acceptUrl, staffLanguage, zone, telemetryQueueCapacity, lastSeenSaveInterval);
  }
}

package io.shouwang.alerting.rules;

import static io.shouwang.alerting.rules.RuleSettings.invalid;

import io.shouwang.registry.DeviceKind;
import io.shouwang.registry.Durations;
import io.shouwang.registry.QuietWindow;
import io.shouwang.registry.VitalLimit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link RuleSettings} from a configuration tree: maps, lists, strings, numbers, as a YAML or
 * JSON reader (or Vert.x's JsonObject) gives them. Stops at the first mistake, naming its key.
 */
final class SettingsReader {

  private static final List<String> ROOT =
      List.of("button", "gas", "vitals", "trend", "supervision", "battery", "inactivity");
  private static final List<String> BUTTON = List.of("cancelGrace");
  private static final List<String> GAS = List.of("confirmWithin", "retries", "commandTtl");
  private static final List<String> VITALS =
      List.of("limits", "clearMargins", "consecutive", "sustainedFor", "maxGap", "staleAfter");
  private static final List<String> LIMITS =
      Arrays.stream(VitalLimit.values()).map(VitalLimit::key).toList();
  private static final List<String> TREND =
      List.of("recent", "baseline", "drop", "clearMargin", "minRecent", "minBaseline");
  private static final List<String> SUPERVISION = List.of("silence", "startupGrace");
  private static final List<String> KINDS =
      Arrays.stream(DeviceKind.values()).map(DeviceKind::yamlName).toList();
  private static final List<String> BATTERY = List.of("lowPercent", "clearPercent");
  private static final List<String> INACTIVITY = List.of("zone", "quietWindows", "startupGrace");
  private static final List<String> WINDOW = List.of("from", "to", "maxQuiet");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

  private final Map<?, ?> map;
  private final String path;

  private SettingsReader(Map<?, ?> map, String path) {
    this.map = map;
    this.path = path;
  }

  static RuleSettings read(Map<String, ?> tree) {
    RuleSettings d = RuleSettings.defaults();
    SettingsReader root = of(tree, "", ROOT);

    SettingsReader button = root.section("button", BUTTON);
    SettingsReader gas = root.section("gas", GAS);
    SettingsReader vitals = root.section("vitals", VITALS);
    SettingsReader trend = root.section("trend", TREND);
    SettingsReader supervision = root.section("supervision", SUPERVISION);
    SettingsReader battery = root.section("battery", BATTERY);
    SettingsReader inactivity = root.section("inactivity", INACTIVITY);
    ZoneId zone = inactivity.zone("zone", d.inactivity().zone());
    List<QuietWindow> quietWindows =
        inactivity.windows("quietWindows", d.inactivity().quietWindows());
    Optional<Duration> inactivityGrace =
        inactivity.optionalDuration("startupGrace", Optional.empty());
    return new RuleSettings(
        new RuleSettings.Button(button.duration("cancelGrace", d.button().cancelGrace())),
        new RuleSettings.Gas(
            gas.duration("confirmWithin", d.gas().confirmWithin()),
            gas.integer("retries", d.gas().retries()),
            gas.duration("commandTtl", d.gas().commandTtl())),
        new RuleSettings.Vitals(
            vitals.limits("limits", d.vitals().limits()),
            vitals.limits("clearMargins", d.vitals().clearMargins()),
            vitals.integer("consecutive", d.vitals().consecutive()),
            vitals.duration("sustainedFor", d.vitals().sustainedFor()),
            vitals.duration("maxGap", d.vitals().maxGap()),
            vitals.duration("staleAfter", d.vitals().staleAfter())),
        new RuleSettings.Trend(
            trend.duration("recent", d.trend().recent()),
            trend.duration("baseline", d.trend().baseline()),
            trend.number("drop", d.trend().drop()),
            trend.number("clearMargin", d.trend().clearMargin()),
            trend.integer("minRecent", d.trend().minRecent()),
            trend.integer("minBaseline", d.trend().minBaseline())),
        new RuleSettings.Supervision(
            supervision.silence(d.supervision().silence()),
            supervision.optionalDuration("startupGrace", d.supervision().startupGrace())),
        new RuleSettings.Battery(
            battery.integer("lowPercent", d.battery().lowPercent()),
            battery.integer("clearPercent", d.battery().clearPercent())),
        inactivityGrace
            .map(grace -> new RuleSettings.Inactivity(zone, quietWindows, grace))
            .orElseGet(() -> new RuleSettings.Inactivity(zone, quietWindows)));
  }

  private static SettingsReader of(Object value, String path, List<String> keys) {
    Object tree = unwrap(value);
    if (tree == null) {
      return new SettingsReader(Map.of(), path);
    }
    if (!(tree instanceof Map<?, ?> map)) {
      throw invalid(path.isEmpty() ? "rules" : path, "expected a mapping, got " + describe(tree));
    }
    for (Object key : map.keySet()) {
      if (!keys.contains(key)) {
        throw invalid(
            join(path, String.valueOf(key)),
            "unknown key (expected one of " + String.join(", ", keys) + ")");
      }
    }
    return new SettingsReader(map, path);
  }

  private SettingsReader section(String key, List<String> keys) {
    return of(map.get(key), join(path, key), keys);
  }

  private Duration duration(String key, Duration fallback) {
    Object value = get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Duration duration) {
      return duration;
    }
    Optional<Duration> parsed =
        value instanceof String text ? Durations.parse(text) : Optional.empty();
    return parsed.orElseThrow(
        () ->
            invalid(join(path, key), "expected " + Durations.SYNTAX + ", got " + describe(value)));
  }

  /** A duration that may be left out: absent keeps the default, which may itself be empty. */
  private Optional<Duration> optionalDuration(String key, Optional<Duration> fallback) {
    return get(key) == null ? fallback : Optional.of(duration(key, Duration.ZERO));
  }

  private int integer(String key, int fallback) {
    Object value = get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number
        && number.doubleValue() == Math.rint(number.doubleValue())
        && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
      return number.intValue();
    }
    throw invalid(join(path, key), "expected a whole number, got " + describe(value));
  }

  private double number(String key, double fallback) {
    Object value = get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    throw invalid(join(path, key), "expected a number, got " + describe(value));
  }

  private ZoneId zone(String key, ZoneId fallback) {
    Object value = get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String text) {
      try {
        return ZoneId.of(text.strip());
      } catch (DateTimeException e) {
        // Reported below with the key.
      }
    }
    throw invalid(
        join(path, key), "expected a time zone such as Asia/Shanghai, got " + describe(value));
  }

  /** The defaults with the given entries replaced: a config names only what it changes. */
  private Map<VitalLimit, Double> limits(String key, Map<VitalLimit, Double> defaults) {
    SettingsReader section = section(key, LIMITS);
    Map<VitalLimit, Double> values = new EnumMap<>(defaults);
    for (VitalLimit limit : VitalLimit.values()) {
      values.put(limit, section.number(limit.key(), defaults.get(limit)));
    }
    return values;
  }

  private Map<DeviceKind, Duration> silence(Map<DeviceKind, Duration> defaults) {
    SettingsReader section = section("silence", KINDS);
    Map<DeviceKind, Duration> values = new EnumMap<>(defaults);
    for (DeviceKind kind : DeviceKind.values()) {
      values.put(kind, section.duration(kind.yamlName(), defaults.get(kind)));
    }
    return values;
  }

  /** A list of windows replaces the defaults as a whole, so it must cover the day by itself. */
  private List<QuietWindow> windows(String key, List<QuietWindow> defaults) {
    Object value = get(key);
    if (value == null) {
      return defaults;
    }
    if (!(value instanceof List<?> items)) {
      throw invalid(join(path, key), "expected a list, got " + describe(value));
    }
    List<QuietWindow> windows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = join(path, key) + "[" + i + "]";
      SettingsReader item = of(items.get(i), itemPath, WINDOW);
      LocalTime from = item.time("from");
      LocalTime to = item.time("to");
      Duration maxQuiet = item.duration("maxQuiet", null);
      if (maxQuiet == null) {
        throw invalid(join(itemPath, "maxQuiet"), "missing");
      }
      try {
        windows.add(new QuietWindow(from, to, maxQuiet));
      } catch (IllegalArgumentException e) {
        throw invalid(itemPath, e.getMessage());
      }
    }
    return windows;
  }

  private LocalTime time(String key) {
    Object value = get(key);
    if (value instanceof String text) {
      Matcher m = TIME.matcher(text.strip());
      if (m.matches() && Integer.parseInt(m.group(1)) < 24 && Integer.parseInt(m.group(2)) < 60) {
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    }
    throw invalid(
        join(path, key),
        (value == null ? "missing" : "expected a time HH:MM, got " + describe(value)));
  }

  private Object get(String key) {
    return unwrap(map.get(key));
  }

  private static Object unwrap(Object value) {
    // Vert.x config hands nested sections over as JsonObject and JsonArray, not Map and List.
    if (value instanceof JsonObject json) {
      return json.getMap();
    }
    if (value instanceof JsonArray json) {
      return json.getList();
    }
    return value;
  }

  private static String describe(Object value) {
    if (value instanceof String text) {
      return "text '" + text + "'";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return (value instanceof Number ? "the number " : "the boolean ") + value;
    }
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}

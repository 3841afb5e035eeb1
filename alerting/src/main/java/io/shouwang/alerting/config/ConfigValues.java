package io.shouwang.alerting.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of YAML nodes; every error names the dotted key it was found at. */
final class ConfigValues {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private ConfigValues() {}

  static void onlyKeys(JsonNode node, String key, Set<String> allowed) {
    requireMapping(node, key);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new AlertingConfigException(join(key, name), "unknown key (expected one of "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  static void requireMapping(JsonNode node, String key) {
    if (!node.isObject()) {
      throw new AlertingConfigException(key.isEmpty() ? "(root)" : key, "expected a mapping");
    }
  }

  static String text(JsonNode node, String key) {
    if (node == null || node.isNull() || !node.isValueNode()) {
      throw new AlertingConfigException(key, "expected a value");
    }
    String value = node.asText().trim();
    if (value.isEmpty()) {
      throw new AlertingConfigException(key, "must not be empty");
    }
    return value;
  }

  static int integer(JsonNode node, String key, int min, int max) {
    String text = text(node, key);
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new AlertingConfigException(key, "expected a whole number, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw new AlertingConfigException(
          key, "must be between " + min + " and " + max + ", got " + value);
    }
    return (int) value;
  }

  static double decimal(JsonNode node, String key, double min, double max) {
    String text = text(node, key);
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new AlertingConfigException(key, "expected a number, got '" + text + "'");
    }
    if (!(value >= min && value <= max)) {
      throw new AlertingConfigException(
          key, "must be between " + min + " and " + max + ", got " + text);
    }
    return value;
  }

  static Duration duration(JsonNode node, String key, Duration min, Duration max) {
    String text = text(node, key);
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new AlertingConfigException(
          key, "expected a duration such as 500ms, 30s, 5m, 1h or 1d, got '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    Duration value = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new AlertingConfigException(
          key, "must be between " + min + " and " + max + ", got " + text);
    }
    return value;
  }

  static List<String> textList(JsonNode node, String key) {
    if (node == null || !node.isArray()) {
      throw new AlertingConfigException(key, "expected a list");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      values.add(text(node.get(i), key + "[" + i + "]"));
    }
    return values;
  }

  static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }
}

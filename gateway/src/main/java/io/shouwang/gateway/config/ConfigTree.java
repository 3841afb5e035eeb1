package io.shouwang.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed, validated reads of the merged configuration; every error names its key. */
final class ConfigTree {

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|TiB)?");

  private final JsonNode root;

  ConfigTree(JsonNode root) {
    this.root = root;
  }

  String string(String key) {
    JsonNode node = node(key);
    if (!node.isValueNode()) {
      throw new ConfigException(key, "expected a value, got a section");
    }
    return node.asText();
  }

  String nonBlank(String key) {
    String value = string(key).trim();
    if (value.isEmpty()) {
      throw new ConfigException(key, "must not be empty");
    }
    return value;
  }

  int integer(String key, int min, int max) {
    String text = string(key).trim();
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "expected a whole number, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + value);
    }
    return (int) value;
  }

  Duration duration(String key, Duration min, Duration max) {
    String text = string(key).trim();
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new ConfigException(
          key, "expected a duration such as 500ms, 30s, 5m, 1h or 1d, got '" + text + "'");
    }
    long amount = Long.parseLong(m.group(1));
    Duration value =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + text);
    }
    return value;
  }

  long bytes(String key, long min, long max) {
    String text = string(key).trim();
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new ConfigException(key, "expected a size such as 512KiB, 64MiB or 1GiB, got '" + text + "'");
    }
    long unit =
        switch (m.group(2) == null ? "B" : m.group(2)) {
          case "KiB" -> 1L << 10;
          case "MiB" -> 1L << 20;
          case "GiB" -> 1L << 30;
          case "TiB" -> 1L << 40;
          default -> 1L;
        };
    long value;
    try {
      value = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new ConfigException(key, "size too large: " + text);
    }
    if (value < min || value > max) {
      throw new ConfigException(key, "must be between " + min + " and " + max + " bytes, got " + text);
    }
    return value;
  }

  boolean bool(String key) {
    String text = string(key).trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new ConfigException(key, "expected true or false, got '" + text + "'");
    };
  }

  private JsonNode node(String key) {
    JsonNode node = root;
    for (String part : key.split("\\.")) {
      node = node.path(part);
    }
    if (node.isMissingNode() || node.isNull()) {
      throw new ConfigException(key, "missing");
    }
    return node;
  }
}

package io.shouwang.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the gateway configuration: bundled defaults, then the optional file, then environment
 * variables ({@code SHOUWANG_} + key path in UPPER_SNAKE). Unknown keys fail start-up.
 */
public final class ConfigLoader {

  static final String DEFAULTS_RESOURCE = "/gateway-defaults.yaml";
  static final String ENV_PREFIX = "SHOUWANG_";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /** Loads and validates; throws {@link ConfigException} naming the first bad key. */
  public static GatewayConfig load(Optional<Path> file, Map<String, String> env) {
    ObjectNode merged = defaults();
    file.ifPresent(path -> mergeInto(merged, readFile(path), ""));
    applyEnvironment(merged, env, "");
    return GatewayConfig.from(new ConfigTree(merged));
  }

  /** The environment variable that overrides a dotted key, e.g. SHOUWANG_INGEST_LANE_CAPACITY. */
  public static String environmentName(String key) {
    String snake = key.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return ENV_PREFIX + snake.toUpperCase(Locale.ROOT);
  }

  private static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULTS_RESOURCE + " on the class path");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  private static JsonNode readFile(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigException("--config", "no such file: " + path);
    }
    try {
      JsonNode node = YAML.readTree(path.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return YAML.createObjectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException("--config", path + " must hold a YAML mapping of sections");
      }
      return node;
    } catch (JacksonException e) {
      throw new ConfigException("--config", path + " is not valid YAML: " + e.getOriginalMessage()
          + locationOf(e));
    } catch (IOException e) {
      throw new ConfigException("--config", "cannot read " + path + ": " + e.getMessage());
    }
  }

  private static String locationOf(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static void mergeInto(ObjectNode target, JsonNode source, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix + field.getKey();
      JsonNode known = target.get(field.getKey());
      if (known == null) {
        throw new ConfigException(key, "unknown key (known keys here: " + knownKeys(target) + ")");
      }
      if (known.isObject()) {
        if (!field.getValue().isObject()) {
          throw new ConfigException(key, "expected a section with keys " + knownKeys(known));
        }
        mergeInto((ObjectNode) known, field.getValue(), key + ".");
      } else {
        if (field.getValue().isContainerNode()) {
          throw new ConfigException(key, "expected a single value, got a section or list");
        }
        target.set(field.getKey(), field.getValue().isNull() ? TextNode.valueOf("") : field.getValue());
      }
    }
  }

  private static void applyEnvironment(ObjectNode node, Map<String, String> env, String prefix) {
    for (String name : fieldNames(node)) {
      String key = prefix + name;
      JsonNode child = node.get(name);
      if (child.isObject()) {
        applyEnvironment((ObjectNode) child, env, key + ".");
      } else {
        String value = env.get(environmentName(key));
        if (value != null) {
          node.set(name, TextNode.valueOf(value));
        }
      }
    }
  }

  private static String knownKeys(JsonNode node) {
    return String.join(", ", fieldNames(node));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

package io.shouwang.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed access to the keys of one mapping in the registry file.
 *
 * <p>Every mistake is reported to {@link Problems} with the key's path and the getter returns null,
 * so that the reader carries on and finds the next mistake too.
 */
final class Fields {

  /** A list item with its path, e.g. {@code communities[0].grids[2]}. */
  record Item(Node node, String path) {}

  private final Node.Mapping mapping;
  private final String path;
  private final Problems problems;

  private Fields(Node.Mapping mapping, String path, Problems problems) {
    this.mapping = mapping;
    this.path = path;
    this.problems = problems;
  }

  /** The mapping at {@code path} with unknown keys reported; null when it is not a mapping. */
  static Fields of(Node node, String path, Problems problems, List<String> keys) {
    if (Node.isReported(node)) {
      problems.alreadyReported();
      return null;
    }
    if (!(node instanceof Node.Mapping mapping)) {
      problems.add(node, path, "expected a mapping, got " + node.describe());
      return null;
    }
    mapping
        .entries()
        .forEach(
            (key, value) -> {
              if (!keys.contains(key)) {
                problems.add(
                    value,
                    Problems.keyPath(path, key),
                    "unknown key (expected one of " + String.join(", ", keys) + ")");
              }
            });
    return new Fields(mapping, path, problems);
  }

  /** True when the key is present (with any value). */
  boolean has(String key) {
    return mapping.entries().containsKey(key);
  }

  /** The path of one of its keys. */
  String path(String key) {
    return Problems.keyPath(path, key);
  }

  /** The line of a key, or of the mapping when the key is absent. */
  int line(String key) {
    Node node = mapping.entries().get(key);
    return node == null ? mapping.line() : node.line();
  }

  /** The text of a required key, stripped; null when missing, empty or not text. */
  String requiredText(String key) {
    Node node = mapping.entries().get(key);
    if (node == null) {
      missing(key);
      return null;
    }
    return text(key, node, true);
  }

  /** The text of an optional key, stripped; null when absent or empty. */
  String optionalText(String key) {
    Node node = mapping.entries().get(key);
    return node == null ? null : text(key, node, false);
  }

  /** A required whole number that fits an int. */
  Integer requiredInt(String key) {
    Node node = mapping.entries().get(key);
    if (node == null) {
      missing(key);
      return null;
    }
    if (reported(node)) {
      return null;
    }
    if (node instanceof Node.Scalar s && s.type() == Node.ScalarType.INTEGER) {
      if (s.integer().bitLength() < Integer.SIZE) {
        return s.integer().intValue();
      }
      problems.add(node, path(key), "number " + s.text() + " is too large");
      return null;
    }
    if (isEmpty(node)) {
      problems.add(node, path(key), "must not be empty");
      return null;
    }
    problems.add(node, path(key), "expected a whole number, got " + node.describe());
    return null;
  }

  /** A required true or false. */
  Boolean requiredBoolean(String key) {
    Node node = mapping.entries().get(key);
    if (node == null) {
      missing(key);
      return null;
    }
    if (reported(node)) {
      return null;
    }
    if (node instanceof Node.Scalar s && s.type() == Node.ScalarType.BOOLEAN) {
      return s.bool();
    }
    if (isEmpty(node)) {
      problems.add(node, path(key), "must not be empty");
      return null;
    }
    problems.add(node, path(key), "expected true or false, got " + node.describe());
    return null;
  }

  /**
   * One of a fixed set of names, e.g. a device kind; {@code defaultValue} is used when the key is
   * absent or empty, and a null {@code defaultValue} makes the key required.
   */
  <T> T choice(
      String key,
      String what,
      T defaultValue,
      Function<String, Optional<T>> parse,
      List<String> allowed) {
    Node node = mapping.entries().get(key);
    if (node == null && defaultValue == null) {
      missing(key);
      return null;
    }
    if (node != null && reported(node)) {
      return null;
    }
    if (node == null || (isEmpty(node) && defaultValue != null)) {
      return defaultValue;
    }
    String name = text(key, node, true);
    if (name == null) {
      return null;
    }
    Optional<T> value = parse.apply(name);
    if (value.isEmpty()) {
      problems.add(
          node,
          path(key),
          String.format(
              "unknown %s '%s' (expected one of %s)", what, name, String.join(", ", allowed)));
      return null;
    }
    return value.get();
  }

  /**
   * The items of a list; an absent optional key or an empty value is an empty list. Null when a
   * required key is missing or the value is not a list (both reported).
   */
  List<Item> list(String key, boolean required) {
    Node node = mapping.entries().get(key);
    if (node == null) {
      if (required) {
        missing(key);
        return null;
      }
      return List.of();
    }
    if (reported(node)) {
      return null;
    }
    if (node instanceof Node.Scalar s && s.isEmpty()) {
      return List.of();
    }
    if (!(node instanceof Node.Sequence sequence)) {
      problems.add(node, path(key), "expected a list, got " + node.describe());
      return null;
    }
    List<Item> items = new ArrayList<>();
    for (Node item : sequence.items()) {
      items.add(new Item(item, Problems.itemPath(path(key), items.size())));
    }
    return items;
  }

  /**
   * An optional number, whole or decimal; null when absent or empty, or when it is not a number
   * (reported).
   */
  Double optionalNumber(String key) {
    Node node = mapping.entries().get(key);
    if (node == null || reported(node) || isEmpty(node)) {
      return null;
    }
    if (node instanceof Node.Scalar s) {
      if (s.type() == Node.ScalarType.INTEGER) {
        return s.integer().doubleValue();
      }
      if (s.type() == Node.ScalarType.DECIMAL) {
        try {
          double value = Double.parseDouble(s.text());
          if (Double.isFinite(value)) {
            return value;
          }
        } catch (NumberFormatException e) {
          // YAML's .inf and .nan: reported below like any other non-number.
        }
      }
    }
    problems.add(node, path(key), "expected a number, got " + node.describe());
    return null;
  }

  /** An optional nested mapping; null when absent or empty, or when it is not a mapping. */
  Fields optionalMapping(String key, List<String> keys) {
    Node node = mapping.entries().get(key);
    if (node == null || isEmpty(node)) {
      return null;
    }
    return of(node, path(key), problems, keys);
  }

  /** A required nested mapping. */
  Fields mapping(String key, List<String> keys) {
    Node node = mapping.entries().get(key);
    if (node == null) {
      missing(key);
      return null;
    }
    if (node instanceof Node.Scalar s && s.isEmpty()) {
      problems.add(node, path(key), "must not be empty");
      return null;
    }
    return of(node, path(key), problems, keys);
  }

  private String text(String key, Node node, boolean required) {
    if (reported(node)) {
      return null;
    }
    if (!(node instanceof Node.Scalar scalar)) {
      problems.add(node, path(key), "expected text, got " + node.describe());
      return null;
    }
    // A number or boolean is taken as written: YAML reads flat: 502 as a number, we keep "502".
    String text = scalar.text().strip();
    if (text.isEmpty()) {
      if (required) {
        problems.add(node, path(key), "must not be empty");
      }
      return null;
    }
    return text;
  }

  private boolean reported(Node node) {
    if (Node.isReported(node)) {
      problems.alreadyReported();
      return true;
    }
    return false;
  }

  private static boolean isEmpty(Node node) {
    return node instanceof Node.Scalar s && (s.isEmpty() || s.text().isBlank());
  }

  private void missing(String key) {
    problems.add(mapping.line(), path, "missing required key '" + key + "'");
  }
}

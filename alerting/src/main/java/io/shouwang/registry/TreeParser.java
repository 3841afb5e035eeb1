package io.shouwang.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON text into {@link Node}s.
 *
 * <p>Jackson's own tree would drop line numbers, silently keep the last of two repeated keys and
 * turn a YAML alias into its anchor's name; here each of those is either kept or reported.
 */
final class TreeParser {

  enum Format {
    YAML,
    JSON
  }

  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  private static final YAMLFactory YAML_FACTORY =
      YAMLFactory.builder().loaderOptions(loaderOptions()).build();
  // SnakeYAML marks its messages with "in 'reader', line 3, column 5:".
  private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");
  private static final Pattern JSON_SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  private final JsonParser parser;
  private final Problems problems;

  private TreeParser(JsonParser parser, Problems problems) {
    this.parser = parser;
    this.problems = problems;
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    // SnakeYAML stops at 3 MiB; a city's registry (5,000 households is about 4 MiB) may be larger.
    options.setCodePointLimit(MAX_CODE_POINTS);
    return options;
  }

  /** The single document in {@code content}; null when it is empty or unparseable (reported). */
  static Node parse(String content, Format format, Problems problems) {
    JsonFactory factory = format == Format.JSON ? JSON_FACTORY : YAML_FACTORY;
    try (JsonParser parser = factory.createParser(content)) {
      if (parser.nextToken() == null) {
        problems.add(0, "", "file is empty");
        return null;
      }
      TreeParser tree = new TreeParser(parser, problems);
      Node root = tree.value("", tree.line());
      if (parser.nextToken() != null) {
        problems.add(
            tree.line(),
            "",
            format == Format.YAML
                ? "more than one YAML document: a registry is a single document"
                : "unexpected content after the top-level value");
      }
      return root;
    } catch (JsonProcessingException e) {
      problems.add(0, "", syntaxError(e, format));
      return null;
    } catch (IOException e) {
      // Only parse errors can happen when reading from a String; keep the message anyway.
      problems.add(0, "", format + " syntax error: " + e.getMessage());
      return null;
    }
  }

  private Node value(String path, int line) throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(
          line,
          path,
          "YAML aliases (*" + parser.getText() + ") are not supported: write the value out");
      return Node.Scalar.reported(line);
    }
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> mapping(path, line);
      case START_ARRAY -> sequence(path, line);
      case VALUE_STRING -> scalar(Node.ScalarType.TEXT, parser.getText(), null, false, line);
      case VALUE_NUMBER_INT ->
          scalar(
              Node.ScalarType.INTEGER, parser.getText(), parser.getBigIntegerValue(), false, line);
      case VALUE_NUMBER_FLOAT ->
          scalar(Node.ScalarType.DECIMAL, parser.getText(), null, false, line);
      case VALUE_TRUE -> scalar(Node.ScalarType.BOOLEAN, parser.getText(), null, true, line);
      case VALUE_FALSE -> scalar(Node.ScalarType.BOOLEAN, parser.getText(), null, false, line);
      case VALUE_NULL -> scalar(Node.ScalarType.NULL, "", null, false, line);
      default -> {
        // e.g. a YAML !!binary value: nothing in a registry is binary.
        problems.add(line, path, "unsupported value (" + token + ")");
        yield Node.Scalar.reported(line);
      }
    };
  }

  private Node mapping(String path, int line) throws IOException {
    Map<String, Node> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String keyPath = Problems.keyPath(path, key);
      int keyLine = line();
      parser.nextToken();
      Node value = value(keyPath, keyLine);
      Node first = entries.putIfAbsent(key, value);
      if (first != null) {
        problems.add(keyLine, keyPath, "repeated key (first at line " + first.line() + ")");
      }
    }
    return new Node.Mapping(Collections.unmodifiableMap(entries), line);
  }

  private Node sequence(String path, int line) throws IOException {
    List<Node> items = new ArrayList<>();
    JsonToken token = parser.nextToken();
    while (token != null && token != JsonToken.END_ARRAY) {
      items.add(value(Problems.itemPath(path, items.size()), line()));
      token = parser.nextToken();
    }
    return new Node.Sequence(Collections.unmodifiableList(items), line);
  }

  private static Node scalar(
      Node.ScalarType type, String text, BigInteger integer, boolean bool, int line) {
    return new Node.Scalar(type, text, integer, bool, line);
  }

  private int line() {
    return Math.max(0, parser.currentTokenLocation().getLineNr());
  }

  private static String syntaxError(JsonProcessingException e, Format format) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : location.getLineNr();
    int column = location == null ? 0 : location.getColumnNr();
    if (format == Format.YAML) {
      // Jackson's location can be the start of the enclosing block; SnakeYAML's last mark is where
      // the problem is.
      Matcher mark = YAML_MARK.matcher(original);
      while (mark.find()) {
        line = Integer.parseInt(mark.group(1));
        column = Integer.parseInt(mark.group(2));
      }
    }
    // Drop SnakeYAML's "in 'reader'" marks and source excerpts (we give line and column), and
    // Jackson's "[Source: REDACTED ...; line: 1, column: 17]" to its line and column.
    String text =
        original
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith(" in ") && !l.startsWith("    "))
            .map(String::strip)
            .collect(Collectors.joining(": "));
    text = JSON_SOURCE.matcher(text).replaceAll("line $1, column $2");
    String where = line > 0 ? " at line " + line + ", column " + column : "";
    return format + " syntax error" + where + ": " + text;
  }
}

package io.shouwang.registry;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value with the line it was found on, so that every error can point there.
 *
 * <p>Scalars keep the text as written: {@code flat: 0502} stays "0502" rather than becoming 502.
 */
sealed interface Node permits Node.Mapping, Node.Sequence, Node.Scalar {

  /** The 1-based line of the value, or of its key when it is a mapping value. */
  int line();

  /** What this is, for "expected ..., got ..." messages. */
  String describe();

  /** Keys in file order. */
  record Mapping(Map<String, Node> entries, int line) implements Node {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Sequence(List<Node> items, int line) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** {@code integer} is set only for {@link ScalarType#INTEGER}, {@code bool} only for booleans. */
  record Scalar(ScalarType type, String text, BigInteger integer, boolean bool, int line)
      implements Node {

    /** Null or empty text: Jackson reads a YAML key without a value as either, by context. */
    boolean isEmpty() {
      return type == ScalarType.NULL || (type == ScalarType.TEXT && text.isEmpty());
    }

    /** A value the parser has already reported (e.g. a YAML alias): no further problems for it. */
    static Scalar reported(int line) {
      return new Scalar(ScalarType.REPORTED, "", null, false, line);
    }

    @Override
    public String describe() {
      return switch (type) {
        case TEXT -> "text '" + text + "'";
        case INTEGER, DECIMAL -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "nothing";
        case REPORTED -> "an unusable value";
      };
    }
  }

  enum ScalarType {
    TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL,
    REPORTED
  }

  /** True for a value whose problem is already reported, so that readers skip it quietly. */
  static boolean isReported(Node node) {
    return node instanceof Scalar s && s.type() == ScalarType.REPORTED;
  }
}

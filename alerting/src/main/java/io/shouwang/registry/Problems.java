package io.shouwang.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found in a registry file, so that an operator can fix all in one pass. */
final class Problems {

  /** One problem; {@code path} is empty for file-level problems, {@code line} 0 when unknown. */
  record Problem(int line, String path, String message) {

    /** "path: message", or just the message for file-level problems. */
    String text() {
      return path.isEmpty() ? message : path + ": " + message;
    }
  }

  private final List<Problem> problems = new ArrayList<>();
  private int alreadyReported;

  void add(int line, String path, String message) {
    problems.add(new Problem(line, path, message));
  }

  void add(Node at, String path, String message) {
    add(at.line(), path, message);
  }

  /** The path of a key below {@code parent}, e.g. {@code communities[0].name}. */
  static String keyPath(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The path of a list item, e.g. {@code communities[0]}. */
  static String itemPath(String list, int index) {
    return list + "[" + index + "]";
  }

  /**
   * Notes that a reader met a value the parser has already reported (a YAML alias, say): the
   * element holding it must not be built, but a second message would only be noise.
   */
  void alreadyReported() {
    alreadyReported++;
  }

  /** Grows with every problem met, so a reader can tell whether an element was valid. */
  int count() {
    return problems.size() + alreadyReported;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Every problem in file order (a stable sort: the walk already goes top-down). */
  List<Problem> all() {
    return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
  }
}

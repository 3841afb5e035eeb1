package io.shouwang.registry;

import java.util.List;

/** The registry file cannot be used; the message names the file and every problem with its path. */
public final class RegistryException extends Exception {

  /** Beyond this many the message only counts the rest: enough to fix a file, short to read. */
  private static final int MAX_LISTED = 20;

  private final List<String> errors;

  RegistryException(String file, List<Problems.Problem> problems) {
    super(format(file, problems));
    this.errors = problems.stream().map(Problems.Problem::text).toList();
  }

  RegistryException(String file, String fileProblem) {
    this(file, List.of(new Problems.Problem(0, "", fileProblem)));
  }

  /** Every problem as "element path: message" (just the message for file-level ones), by line. */
  public List<String> errors() {
    return errors;
  }

  private static String format(String file, List<Problems.Problem> problems) {
    String prefix = "registry " + file + ": ";
    if (problems.size() == 1) {
      return prefix + located(problems.get(0));
    }
    StringBuilder message = new StringBuilder(prefix).append(problems.size()).append(" errors");
    problems.stream()
        .limit(MAX_LISTED)
        .forEach(problem -> message.append("\n  ").append(located(problem)));
    if (problems.size() > MAX_LISTED) {
      message.append("\n  … and ").append(problems.size() - MAX_LISTED).append(" more");
    }
    return message.toString();
  }

  private static String located(Problems.Problem problem) {
    return problem.line() > 0 ? "line " + problem.line() + ": " + problem.text() : problem.text();
  }
}

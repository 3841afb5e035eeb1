package io.shouwang.alerting.config;

/** An alerting configuration value that cannot be used; the message names the key. */
public final class AlertingConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public AlertingConfigException(String key, String problem) {
    super("alerting config key '" + key + "': " + problem);
    this.key = key;
  }

  AlertingConfigException(String key, String problem, Throwable cause) {
    super("alerting config key '" + key + "': " + problem, cause);
    this.key = key;
  }

  /** The dotted key path, e.g. {@code policies.standard.steps[1].after}. */
  public String key() {
    return key;
  }
}

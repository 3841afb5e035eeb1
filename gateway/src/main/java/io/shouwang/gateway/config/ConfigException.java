package io.shouwang.gateway.config;

/** A configuration value that cannot be used; the message names the key so start-up fails clearly. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigException(String key, String problem) {
    super("config key '" + key + "': " + problem);
    this.key = key;
  }

  /** The dotted key path, e.g. {@code ingest.laneCapacity}. */
  public String key() {
    return key;
  }
}

package io.shouwang.alerting.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test configurations that differ from the defaults in one value. */
public final class ConfigFiles {

  private ConfigFiles() {}

  /** The defaults overridden by this YAML text. */
  public static AlertingConfig fromYaml(String yaml) {
    try {
      Path file = Files.createTempFile("alerting", ".yaml");
      try {
        Files.writeString(file, yaml);
        return AlertingConfig.load(file);
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static AlertingConfig withAcceptUrl(String template) {
    AlertingConfig d = AlertingConfig.defaults();
    return new AlertingConfig(d.policies(), d.defaultPolicy(), d.causePolicies(),
        d.householdPolicies(), d.roleChannels(), d.dispatch(), d.escalation(), template,
        d.staffLanguage(), d.zone(), d.telemetryQueueCapacity(), d.lastSeenSaveInterval());
  }
}

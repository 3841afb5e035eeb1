package io.shouwang.alerting.config;

/** Test configurations that differ from the defaults in one value. */
public final class ConfigFiles {

  private ConfigFiles() {}

  public static AlertingConfig withAcceptUrl(String template) {
    AlertingConfig d = AlertingConfig.defaults();
    return new AlertingConfig(d.policies(), d.defaultPolicy(), d.causePolicies(),
        d.householdPolicies(), d.roleChannels(), d.dispatch(), d.escalation(), template,
        d.staffLanguage(), d.zone(), d.telemetryQueueCapacity());
  }
}

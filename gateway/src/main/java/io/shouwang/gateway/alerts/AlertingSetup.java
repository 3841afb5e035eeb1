package io.shouwang.gateway.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.shouwang.alerting.AlertEngine;
import io.shouwang.alerting.DeviceCommandSink;
import io.shouwang.alerting.DeviceMessage;
import io.shouwang.alerting.config.AlertingConfig;
import io.shouwang.alerting.notify.NotificationChannel;
import io.shouwang.alerting.rules.Rule;
import io.shouwang.alerting.rules.RuleSettings;
import io.shouwang.alerting.rules.Rules;
import io.shouwang.alerting.store.sqlite.SqliteIncidentStore;
import io.shouwang.gateway.config.ConfigException;
import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.gateway.ingest.AlertPath;
import io.shouwang.gateway.notify.console.ConsoleChannel;
import io.shouwang.gateway.notify.dashboard.DashboardFeed;
import io.shouwang.gateway.notify.dashboard.DashboardOptions;
import io.shouwang.registry.Registry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the alert engine from configuration: its SQLite store, the standard rules, the paging
 * channels and the dashboard feed; and the {@link AlertPath} that hands ingest's accepted messages
 * to it.
 */
public final class AlertingSetup {

  private final AlertEngine engine;
  private final DashboardFeed dashboard;
  private final RuleSettings ruleSettings;
  private final AlertingConfig alertingConfig;

  private AlertingSetup(AlertEngine engine, DashboardFeed dashboard, RuleSettings ruleSettings,
      AlertingConfig alertingConfig) {
    this.engine = engine;
    this.alertingConfig = alertingConfig;
    this.dashboard = dashboard;
    this.ruleSettings = ruleSettings;
  }

  /** Builds (does not start) the engine; configuration errors name their key. */
  public static AlertingSetup create(Vertx vertx, GatewayConfig config, Registry registry,
      DeviceCommandSink commands, MeterRegistry meters, Clock clock) {
    AlertingConfig alerting = config.alerting().configFile()
        .map(AlertingSetup::loadAlertingConfig)
        .orElseGet(AlertingConfig::defaults);
    if (config.alerting().console()) {
      alerting = withConsoleForEveryRole(alerting);
    }
    RuleSettings ruleSettings = config.alerting().rulesFile()
        .map(AlertingSetup::loadRuleSettings)
        .orElseGet(RuleSettings::defaults);
    List<Rule> rules = Rules.standard(registry, ruleSettings, clock, meters);
    DashboardFeed dashboard = new DashboardFeed(DashboardOptions.defaults(), meters);
    List<NotificationChannel> channels =
        ChannelFactory.channels(vertx, config, dashboard, commands, clock);
    SqliteIncidentStore store = new SqliteIncidentStore(vertx, config.alerting().database());
    AlertEngine engine = new AlertEngine(vertx, registry, alerting, rules, store, channels,
        commands, clock, meters);
    return new AlertingSetup(engine, dashboard, ruleSettings, alerting);
  }

  public Future<Void> start() {
    return engine.start();
  }

  public Future<Void> stop() {
    return engine.stop();
  }

  public AlertEngine engine() {
    return engine;
  }

  /** The escalation policies in force (the resident card shows the household's). */
  public AlertingConfig alertingConfig() {
    return alertingConfig;
  }

  /** The rule settings in force (the pages mark vitals against the same limits). */
  public RuleSettings ruleSettings() {
    return ruleSettings;
  }

  /** The live stream of pages and incident changes the dashboard serves. */
  public DashboardFeed dashboard() {
    return dashboard;
  }

  /** Hands every accepted message to the engine; the future says it is durably recorded. */
  public AlertPath path() {
    return m -> engine.onMessage(
        new DeviceMessage(m.envelope(), m.device(), m.timestamp(), m.receivedAt()));
  }

  /** With nothing else configured, the console is how a new user sees pages. */
  private static AlertingConfig withConsoleForEveryRole(AlertingConfig config) {
    Map<String, List<String>> channels = new LinkedHashMap<>();
    for (String role : AlertingConfig.ROLES) {
      List<String> names = new ArrayList<>(config.channelsFor(role));
      names.add(ConsoleChannel.NAME);
      channels.put(role, names);
    }
    return config.withRoleChannels(channels);
  }

  private static AlertingConfig loadAlertingConfig(Path file) {
    try {
      return AlertingConfig.load(file);
    } catch (RuntimeException e) {
      throw new ConfigException("alerting.configFile", file + ": " + e.getMessage());
    }
  }

  private static RuleSettings loadRuleSettings(Path file) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = new ObjectMapper(new YAMLFactory())
          .readValue(Files.readString(file), Map.class);
      if (map == null) {
        return RuleSettings.defaults();
      }
      // The file holds the rules: section as alerting/RULES.md shows it.
      Object section = map.size() == 1 && map.get("rules") instanceof Map<?, ?> m ? m : map;
      @SuppressWarnings("unchecked")
      Map<String, Object> rules = (Map<String, Object>) section;
      return RuleSettings.fromMap(rules);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("alerting.rulesFile", file + ": " + e.getMessage());
    }
  }
}

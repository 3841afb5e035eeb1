package io.shouwang.gateway;

import io.shouwang.gateway.config.GatewayConfig;
import io.shouwang.registry.Registry;

/** The start-up lines that tell a new user where to look. */
final class Banner {

  private Banner() {}

  static String text(GatewayConfig config, Registry registry, Gateway gateway) {
    String http = "http://localhost:" + gateway.httpPort();
    StringBuilder b = new StringBuilder()
        .append("\n=== Shouwang gateway is running ===\n")
        .append("  duty desk    : ").append(http).append("/  (pages, zh/en)\n")
        .append("  registry     : ").append(registry.householdCount()).append(" households, ")
        .append(registry.deviceCount()).append(" devices")
        .append(config.registryFile().map(p -> " from " + p).orElse(" (bundled demo)")).append('\n')
        .append("  MQTT broker  : ").append(gateway.mqttUrl())
        .append(config.mqtt().embedded() ? " (embedded)" : "").append('\n')
        .append("  time series  : ").append(gateway.timeSeriesUrl())
        .append(config.influx().embedded() ? " (embedded, InfluxDB v2 write API)" : "").append('\n')
        .append("  readiness    : ").append(http).append("/ready\n")
        .append("  metrics      : ").append(http).append("/metrics\n")
        .append("  dead letters : ").append(http).append("/dead-letters  (log in as an administrator first)\n");
    if (config.influx().embedded()) {
      b.append("  see the data : open ").append(gateway.timeSeriesUrl())
          .append(" (SQL console), e.g. SELECT * FROM heartbeat ORDER BY timestamp DESC LIMIT 20\n");
    }
    if (config.registryFile().isEmpty()) {
      // The bundled registry's demo users; their hashes are in demo-registry.yaml.
      b.append("  demo users   : duty / duty-demo (duty desk), zhangmin / care-demo (caregiver),\n")
          .append("                 hefeng / family-demo (family of hh-0002), admin / admin-demo\n");
    }
    return b.toString();
  }
}

package io.shouwang.sim.cli;

import io.shouwang.schemas.Encoding;
import io.shouwang.sim.mqtt.BrokerOptions;
import io.shouwang.sim.registry.DeviceSpec;
import io.shouwang.sim.registry.Household;
import io.shouwang.sim.registry.Protocol;
import io.shouwang.sim.registry.RegistryException;
import io.shouwang.sim.registry.RegistryGenerator;
import io.shouwang.sim.registry.RegistryReader;
import io.shouwang.sim.run.FleetOptions;
import io.shouwang.sim.run.Rates;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every simulating command shares: broker, devices, encodings, timing, rates. */
final class CommonOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--broker",
      paramLabel = "URI",
      defaultValue = "tcp://127.0.0.1:1883",
      description = "MQTT broker, tcp://host:port or ssl://host:port. Default: ${DEFAULT-VALUE}.")
  String broker;

  @Option(names = "--username", description = "MQTT user name.")
  String username;

  @Option(
      names = "--password",
      description = "MQTT password (or set SHOUWANG_MQTT_PASSWORD); never printed.",
      defaultValue = "${env:SHOUWANG_MQTT_PASSWORD}",
      showDefaultValue = CommandLine.Help.Visibility.NEVER)
  String password;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "Seed for every random choice: the same seed gives the same devices and values. Default:"
              + " ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--client-id-suffix",
      defaultValue = "",
      description =
          "Appended to each device's MQTT client id, so a scenario can run beside a background"
              + " 'run' of the same devices (use a different --seed too, so boot ids differ).")
  String clientIdSuffix;

  @Option(
      names = "--registry",
      paramLabel = "FILE",
      description =
          "Simulate the devices of this registry YAML (the gateway's file) instead of generating"
              + " households.")
  Path registry;

  @Mixin GenerationOptions generation;

  @Option(
      names = "--encoding",
      paramLabel = "protobuf|json|registry",
      defaultValue = "registry",
      description =
          "Payload encoding for every device, or as the registry says. Default: ${DEFAULT-VALUE}.")
  String encoding;

  @Option(
      names = "--protocol",
      paramLabel = "mqtt5|mqtt311|registry",
      defaultValue = "registry",
      description =
          "MQTT version for every device, or as the registry says. Default: ${DEFAULT-VALUE}.")
  String protocol;

  @Option(
      names = "--qos-telemetry",
      paramLabel = "0|1",
      defaultValue = "0",
      description =
          "QoS of telemetry; events and command results always use 1. Default: ${DEFAULT-VALUE}.")
  int qosTelemetry;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "How long to run (0 = until Ctrl-C). Default: ${DEFAULT-VALUE}.")
  Duration duration;

  @Option(
      names = "--heartbeat-interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "Heartbeat interval of every device (±10%% jitter). Default: ${DEFAULT-VALUE}.")
  Duration heartbeatInterval;

  @Option(
      names = "--vitals-interval",
      paramLabel = "DURATION",
      defaultValue = "300s",
      description = "Health monitor reading interval. Default: ${DEFAULT-VALUE}.")
  Duration vitalsInterval;

  @Option(
      names = "--motion-interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "PIR motion count interval. Default: ${DEFAULT-VALUE}.")
  Duration motionInterval;

  @Option(
      names = "--level-interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "Smoke level, gas %%LEL and valve state report interval. Default: ${DEFAULT-VALUE}.")
  Duration levelInterval;

  @Option(
      names = "--door-opens-per-day",
      defaultValue = "4",
      description = "Average door openings per day. Default: ${DEFAULT-VALUE}.")
  double doorOpensPerDay;

  @Option(
      names = "--speedup",
      defaultValue = "1",
      description =
          "Divide every interval and scenario pause by this factor (demos). Default:"
              + " ${DEFAULT-VALUE}.")
  double speedup;

  @Option(
      names = "--max-inflight",
      defaultValue = "100",
      description =
          "Unacknowledged publishes per connection; an MQTT 5 broker's receive maximum may lower"
              + " it. Default: ${DEFAULT-VALUE}.")
  int maxInflight;

  @Option(
      names = "--connect-attempts",
      defaultValue = "5",
      description =
          "Connection attempts before giving up (exit code 1). Default: ${DEFAULT-VALUE}.")
  int connectAttempts;

  /**
   * The households to simulate, read or generated, with encoding and protocol overrides applied.
   */
  List<Household> households() {
    boolean generate = spec.commandLine().getParseResult().hasMatchedOption("--households");
    if (registry != null && generate) {
      throw usage("use either --registry or --households, not both");
    }
    List<Household> households;
    try {
      households =
          registry != null
              ? RegistryReader.read(registry)
              : RegistryGenerator.households(generation.settings(seed));
    } catch (RegistryException e) {
      throw usage("--registry " + registry + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Encoding forcedEncoding =
        switch (encoding) {
          case "registry" -> null;
          case "protobuf" -> Encoding.PROTOBUF;
          case "json" -> Encoding.JSON;
          default -> throw usage("--encoding must be protobuf, json or registry, not " + encoding);
        };
    Protocol forcedProtocol =
        switch (protocol) {
          case "registry" -> null;
          default ->
              Protocol.fromRegistryName(protocol)
                  .orElseThrow(
                      () ->
                          usage("--protocol must be mqtt5, mqtt311 or registry, not " + protocol));
        };
    return households.stream()
        .map(
            h ->
                new Household(
                    h.id(),
                    h.devices().stream()
                        .map(
                            d ->
                                d.with(
                                    forcedEncoding == null ? d.encoding() : forcedEncoding,
                                    forcedProtocol == null ? d.protocol() : forcedProtocol))
                        .toList()))
        .toList();
  }

  /** Every device of the given households. */
  static List<DeviceSpec> devices(List<Household> households) {
    return households.stream().flatMap(h -> h.devices().stream()).toList();
  }

  BrokerOptions broker(boolean bufferWhileDisconnected) {
    if (qosTelemetry < 0 || qosTelemetry > 1) {
      throw usage("--qos-telemetry must be 0 or 1");
    }
    return validated(
        () ->
            new BrokerOptions(
                broker,
                username,
                password,
                connectAttempts,
                Duration.ofSeconds(10),
                maxInflight,
                bufferWhileDisconnected));
  }

  FleetOptions fleet(int connections, boolean bufferWhileDisconnected, int telemetryQos) {
    return new FleetOptions(
        broker(bufferWhileDisconnected),
        connections,
        "sim-" + ProcessHandle.current().pid(),
        seed,
        telemetryQos,
        Clock.systemDefaultZone(),
        clientIdSuffix);
  }

  Rates rates() {
    return validated(
        () ->
            new Rates(
                heartbeatInterval,
                vitalsInterval,
                motionInterval,
                levelInterval,
                doorOpensPerDay,
                speedup));
  }

  /** Builds a value from options; what its constructor rejects becomes a usage error (exit 2). */
  <T> T validated(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}

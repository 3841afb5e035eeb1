package io.shouwang.sim.cli;

import io.shouwang.sim.registry.GenerationSettings;
import picocli.CommandLine.Option;

/** Options that shape a generated registry; shared by {@code registry} and the simulators. */
final class GenerationOptions {

  @Option(
      names = "--households",
      paramLabel = "N",
      description =
          "Generate N households (ids hh-0001...) instead of reading --registry. Default:"
              + " ${DEFAULT-VALUE}.",
      defaultValue = "10")
  int households;

  @Option(
      names = "--devices-per-household",
      paramLabel = "M",
      description =
          "Exactly M devices per generated household (button, smoke, door, PIR, gas, valve, health,"
              + " service, then more rooms); 0 = a realistic mix. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0")
  int devicesPerHousehold;

  @Option(
      names = "--json-share",
      paramLabel = "FRACTION",
      description =
          "Share of generated devices that send protobuf JSON. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0.1")
  double jsonShare;

  @Option(
      names = "--mqtt311-share",
      paramLabel = "FRACTION",
      description = "Share of generated devices that speak MQTT 3.1.1. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0.1")
  double mqtt311Share;

  GenerationSettings settings(long seed) {
    return new GenerationSettings(households, devicesPerHousehold, jsonShare, mqtt311Share, seed);
  }
}

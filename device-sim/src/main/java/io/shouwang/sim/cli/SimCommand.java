package io.shouwang.sim.cli;

import picocli.CommandLine.Command;

/** The top-level {@code device-sim} command; the work is in its subcommands. */
@Command(
    name = "device-sim",
    description =
        "Simulates Shouwang households: emergency and service buttons, smoke alarms, gas detectors"
            + " and valves, door contacts, motion sensors and health monitors, publishing over MQTT"
            + " 5 or 3.1.1 in protobuf or JSON. Exit codes: 0 ok, 1 runtime failure (e.g. broker"
            + " unreachable), 2 usage error.",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    version = "device-sim 0.1.0",
    subcommands = {
      RunCommand.class,
      ScenarioCommand.class,
      LoadCommand.class,
      ProbeCommand.class,
      RegistryCommand.class
    })
final class SimCommand {}

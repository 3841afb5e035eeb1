package io.shouwang.sim.cli;

import io.shouwang.sim.registry.RegistryGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code registry}: prints or writes a generated registry file. */
@Command(
    name = "registry",
    description =
        "Generates a registry YAML (communities > grids > buildings > households with residents,"
            + " contacts and devices) in the format the gateway loads. Every household has an"
            + " emergency button; most a smoke alarm, door contact and PIR; a third gas detector +"
            + " valve; a third a health monitor; a few a service button. Same options and seed,"
            + " same file.",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    sortOptions = false)
final class RegistryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin GenerationOptions generation;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path out;

  @Override
  public Integer call() throws Exception {
    String yaml;
    try {
      yaml = RegistryGenerator.yaml(generation.settings(seed));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, yaml, StandardCharsets.UTF_8);
      spec.commandLine().getErr().printf("wrote %d households to %s%n", generation.households, out);
    }
    return 0;
  }
}

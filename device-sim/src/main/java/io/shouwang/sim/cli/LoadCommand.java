package io.shouwang.sim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shouwang.sim.load.LoadGenerator;
import io.shouwang.sim.load.LoadProgress;
import io.shouwang.sim.load.LoadSettings;
import io.shouwang.sim.load.LoadSummary;
import io.shouwang.sim.registry.Household;
import io.shouwang.sim.run.Fleet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code load}: drives many devices over a few connections and measures what the broker takes. */
@Command(
    name = "load",
    description =
        "Publishes as fast as possible (or --rate msg/s) from every device over --connections"
            + " shared connections: mostly telemetry, some events, each a valid envelope. Prints a"
            + " progress line to stderr every second and a summary at the end (--summary-json"
            + " writes it as JSON).",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    sortOptions = false)
final class LoadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--rate",
      paramLabel = "MSG/S",
      defaultValue = "0",
      description =
          "Target messages per second over all connections; 0 = as fast as possible. Default:"
              + " ${DEFAULT-VALUE}.")
  double rate;

  @Option(
      names = "--connections",
      paramLabel = "C",
      defaultValue = "4",
      description = "MQTT connections per protocol the devices share. Default: ${DEFAULT-VALUE}.")
  int connections;

  @Option(
      names = "--qos",
      paramLabel = "0|1",
      defaultValue = "1",
      description = "QoS of telemetry (events always use 1). Default: ${DEFAULT-VALUE}.")
  int qos;

  @Option(
      names = "--event-share",
      defaultValue = "0.1",
      description = "Share of messages that are (benign) events. Default: ${DEFAULT-VALUE}.")
  double eventShare;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      defaultValue = "0s",
      description =
          "Run the same load this long first, left out of the summary (a benchmark measures a"
              + " warm JVM). Prints \"load: warm-up over\" when measuring starts. Default:"
              + " ${DEFAULT-VALUE}.")
  Duration warmup;

  @Option(
      names = "--drain-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "How long to wait for in-flight messages after sending stops. Default: ${DEFAULT-VALUE}.")
  Duration drainTimeout;

  @Option(
      names = "--summary-json",
      paramLabel = "FILE",
      description = "Also write the summary as JSON.")
  Path summaryJson;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    if (connections < 1) {
      throw common.usage("--connections must be at least 1");
    }
    if (qos < 0 || qos > 1) {
      throw common.usage("--qos must be 0 or 1");
    }
    LoadSettings settings =
        common.validated(() -> new LoadSettings(rate, warmup, common.duration, eventShare, drainTimeout));
    List<Household> households = common.households();
    PrintWriter err = spec.commandLine().getErr();
    LoadSummary summary;
    try (Lifetime lifetime = new Lifetime();
        Fleet fleet =
            Fleet.connect(
                CommonOptions.devices(households), common.fleet(connections, false, qos))) {
      err.printf(
          "load: %d devices over %d connections on %s, %s, QoS %d, %s%n",
          fleet.lives().size(),
          fleet.connectionCount(),
          common.broker,
          rate == 0 ? "max rate" : rate + " msg/s",
          qos,
          common.duration.isZero() ? "until Ctrl-C" : "for " + common.duration.toSeconds() + "s"
              + (warmup.isZero() ? "" : " after a " + warmup.toSeconds() + "s warm-up"));
      LoadGenerator generator =
          new LoadGenerator(
              fleet, settings, qos, new LoadProgress(fleet, err, System.console() != null));
      lifetime.onInterrupt(generator::stop);
      summary = generator.run();
    }
    spec.commandLine().getOut().println(summary.text());
    spec.commandLine().getOut().flush();
    if (summaryJson != null) {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(summaryJson.toFile(), summary);
    }
    return 0;
  }
}

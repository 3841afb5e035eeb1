package io.shouwang.sim.cli;

import io.shouwang.sim.registry.Household;
import io.shouwang.sim.run.BackgroundLife;
import io.shouwang.sim.run.Fleet;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the everyday life of every device, until the duration ends or Ctrl-C. */
@Command(
    name = "run",
    description =
        "Simulates the everyday life of every device: heartbeats, motion counts, vitals, smoke and"
            + " gas levels, valve state, doors opening a few times a day. Valves obey CLOSE/OPEN"
            + " commands and buttons show the feedback they are sent. Nothing here raises an"
            + " alert.",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    sortOptions = false)
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--connections",
      defaultValue = "0",
      description =
          "0 = one MQTT connection per device (client id = device id); N = devices of a protocol"
              + " share N connections. Default: ${DEFAULT-VALUE}.")
  int connections;

  @Option(
      names = "--valve-travel",
      paramLabel = "DURATION",
      defaultValue = "3s",
      description = "Time a valve takes to close or open. Default: ${DEFAULT-VALUE}.")
  Duration valveTravel;

  @Option(
      names = "--silent",
      paramLabel = "DEVICE",
      split = ",",
      description =
          "Devices that stay connected but never send (an unplugged smoke alarm): the backend"
              + " should report them offline or 'protection lost'.")
  Set<String> silent = Set.of();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Household> households = common.households();
    try (Lifetime lifetime = new Lifetime();
        Fleet fleet =
            Fleet.connect(
                CommonOptions.devices(households),
                common.fleet(connections, true, common.qosTelemetry))) {
      fleet.attachDefaultActors(valveTravel, LOG::info);
      silent.forEach(fleet::silence);
      BackgroundLife life = new BackgroundLife(fleet, common.rates(), Set.of());
      life.start();
      out.printf(
          "simulating %d devices in %d households on %s over %d connections (seed %d); %s%n",
          fleet.lives().size(),
          households.size(),
          common.broker,
          fleet.connectionCount(),
          common.seed,
          common.duration.isZero() ? "Ctrl-C to stop" : "for " + common.duration.toSeconds() + "s");
      out.flush();
      lifetime.await(common.duration);
      life.stop();
      boolean drained = fleet.drain(Duration.ofSeconds(5));
      out.printf(
          "sent %d, acknowledged %d, errors %s%s%n",
          fleet.sentCount(),
          fleet.ackedCount(),
          fleet.errorCounts(),
          drained ? "" : " (some still in flight)");
      out.flush();
    }
    return 0;
  }
}

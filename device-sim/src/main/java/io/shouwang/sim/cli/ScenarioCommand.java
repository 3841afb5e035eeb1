package io.shouwang.sim.cli;

import io.shouwang.sim.device.GasValveActor;
import io.shouwang.sim.registry.Household;
import io.shouwang.sim.run.BackgroundLife;
import io.shouwang.sim.run.Fleet;
import io.shouwang.sim.scenario.Pacer;
import io.shouwang.sim.scenario.Scenario;
import io.shouwang.sim.scenario.ScenarioContext;
import io.shouwang.sim.scenario.ScenarioSettings;
import io.shouwang.sim.scenario.Scenarios;
import io.shouwang.sim.scenario.StepLog;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scenario NAME}: plays a scripted story and prints each step. */
@Command(
    name = "scenario",
    description = {
      "Plays a scripted story against the broker and prints each step:",
      "  press                 the emergency button is pressed (--cancel-after 5s cancels it)",
      "  smoke                 smoke ALARM, repeated --count times, then CLEAR",
      "  gas-leak              %%LEL rises, gas ALARM; the valve obeys the backend's CLOSE",
      "                        (ACCEPTED, MOVING, CLOSED with the command id, DONE); %%LEL falls",
      "  gas-leak-stuck-valve  the same, but the valve ignores the command (--stuck fault: jams)",
      "  abnormal-vitals       --count readings of low SpO2 and high heart rate, then a normal one",
      "  silent-device         a device (--device, default the smoke alarm) goes silent",
      "  malformed-burst       --count bad messages: garbage, truncated, invalid JSON, oversized,",
      "                        impossible values, spoofed id, duplicate seq, clock skew, unknown id"
    },
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    sortOptions = false)
final class ScenarioCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The scenario to play (see above).")
  String name;

  @Option(
      names = "--household",
      paramLabel = "ID",
      description = "Household to play it in. Default: the first with the devices the story needs.")
  String householdId;

  @Option(
      names = "--with-background",
      description = "Also run every device's everyday traffic, until --duration ends (0 = Ctrl-C).")
  boolean withBackground;

  @Option(
      names = "--cancel-after",
      paramLabel = "DURATION",
      description = "press: cancel the press after this long.")
  Duration cancelAfter;

  @Option(
      names = "--count",
      paramLabel = "N",
      description =
          "smoke: alarm repeats (3); abnormal-vitals: readings (5); malformed-burst: messages"
              + " (18).")
  Integer count;

  @Option(
      names = "--stuck",
      paramLabel = "ignore|fault",
      defaultValue = "ignore",
      description =
          "gas-leak-stuck-valve: ignore the command, or jam (FAULT, FAILED). Default:"
              + " ${DEFAULT-VALUE}.")
  String stuck;

  @Option(
      names = "--device",
      paramLabel = "ID",
      description = "silent-device: the device that goes silent.")
  String device;

  @Option(
      names = "--step",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "Pause between steps (divided by --speedup). Default: ${DEFAULT-VALUE}.")
  Duration step;

  @Option(
      names = "--valve-travel",
      paramLabel = "DURATION",
      defaultValue = "3s",
      description = "Time the valve takes to close. Default: ${DEFAULT-VALUE}.")
  Duration valveTravel;

  @Option(
      names = "--command-timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description = "How long to wait for the backend's valve command. Default: ${DEFAULT-VALUE}.")
  Duration commandTimeout;

  @Option(
      names = "--linger",
      paramLabel = "DURATION",
      defaultValue = "3s",
      description =
          "Without --with-background: keep listening for commands (e.g. button feedback) this long"
              + " after the story. Default: ${DEFAULT-VALUE}.")
  Duration linger;

  @Option(
      names = "--oversize-bytes",
      defaultValue = "300000",
      description = "malformed-burst: size of the oversized payload. Default: ${DEFAULT-VALUE}.")
  int oversizeBytes;

  @Option(
      names = "--connections",
      defaultValue = "0",
      description =
          "0 = one connection per device; N = shared connections per protocol. Default:"
              + " ${DEFAULT-VALUE}.")
  int connections;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Scenario scenario =
        Scenarios.named(name)
            .orElseThrow(
                () ->
                    common.usage(
                        "unknown scenario '"
                            + name
                            + "'; one of "
                            + String.join(", ", Scenarios.NAMES)));
    List<Household> households = common.households();
    Household household = pick(households, scenario);
    ScenarioSettings settings =
        new ScenarioSettings(
            step,
            cancelAfter,
            count == null ? defaultCount() : count,
            stuckBehaviour(),
            valveTravel,
            commandTimeout,
            device,
            oversizeBytes);
    PrintWriter out = spec.commandLine().getOut();
    try (Lifetime lifetime = new Lifetime();
        Fleet fleet =
            Fleet.connect(
                CommonOptions.devices(withBackground ? households : List.of(household)),
                common.fleet(connections, true, common.qosTelemetry))) {
      StepLog log = new StepLog(out, Clock.systemDefaultZone());
      ScenarioContext context =
          new ScenarioContext(fleet, household, settings, log, Pacer.real(common.speedup));
      scenario.prepare(context);
      fleet.attachDefaultActors(valveTravel, log::step);
      BackgroundLife background = null;
      if (withBackground) {
        background = new BackgroundLife(fleet, common.rates(), scenario.scripted(household));
        background.start();
      }
      out.printf(
          "scenario %s in %s (%s) on %s, seed %d%n",
          scenario.name(),
          household.id(),
          String.join(", ", household.devices().stream().map(d -> d.id()).toList()),
          common.broker,
          common.seed);
      out.flush();
      try {
        scenario.play(context);
        if (withBackground) {
          log.step(
              "story done; background traffic goes on "
                  + (common.duration.isZero() ? "until Ctrl-C" : "for --duration"));
          lifetime.await(common.duration);
          background.stop();
        } else {
          lifetime.await(
              Duration.ofMillis(Math.round(linger.toMillis() / common.speedup)).plusMillis(1));
        }
      } finally {
        fleet.drain(Duration.ofSeconds(5));
      }
      log.step(
          "done: sent "
              + fleet.sentCount()
              + ", acknowledged "
              + fleet.ackedCount()
              + (fleet.errorCounts().isEmpty() ? "" : ", errors " + fleet.errorCounts()));
    }
    return 0;
  }

  private Household pick(List<Household> households, Scenario scenario) {
    if (householdId != null) {
      Household h =
          households.stream()
              .filter(x -> x.id().equals(householdId))
              .findFirst()
              .orElseThrow(() -> common.usage("no household " + householdId));
      if (!h.hasAll(scenario.needs())) {
        throw common.usage(householdId + " lacks a device the story needs: " + scenario.needs());
      }
      return h;
    }
    return households.stream()
        .filter(h -> h.hasAll(scenario.needs()) && !h.devices().isEmpty())
        .findFirst()
        .orElseThrow(
            () ->
                common.usage(
                    "no household has "
                        + scenario.needs()
                        + "; try more --households or another --registry"));
  }

  private int defaultCount() {
    return switch (name) {
      case "smoke" -> 3;
      case "malformed-burst" -> 18;
      default -> 5;
    };
  }

  private GasValveActor.Behaviour stuckBehaviour() {
    return switch (stuck.toLowerCase(Locale.ROOT)) {
      case "ignore" -> GasValveActor.Behaviour.IGNORE;
      case "fault" -> GasValveActor.Behaviour.FAULT;
      default -> throw common.usage("--stuck must be ignore or fault, not " + stuck);
    };
  }
}

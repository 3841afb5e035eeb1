package io.shouwang.sim.cli;

import io.shouwang.sim.probe.ProbeAlarm;
import io.shouwang.sim.probe.ProbeRecord;
import io.shouwang.sim.probe.ProbeTargets;
import io.shouwang.sim.probe.Prober;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code probe}: one alarm per household at a steady pace, timed against a plain subscriber. */
@Command(
    name = "probe",
    description =
        "Sends one alarm (--alarm press or smoke) from each of --count households at --rate"
            + " alarms/s, and notes per alarm when it was published and when a plain MQTT"
            + " subscriber to the event topics received it (the broker hop, the floor of any"
            + " backend's latency). --out writes one CSV line per alarm with System.nanoTime()"
            + " readings (CLOCK_MONOTONIC on Linux), for a benchmark to match against what the"
            + " backend did.",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    sortOptions = false)
final class ProbeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--alarm",
      defaultValue = "press",
      description = "press (emergency button) or smoke (smoke alarm). Default: ${DEFAULT-VALUE}.")
  String alarm;

  @Option(
      names = "--count",
      defaultValue = "100",
      description = "Alarms, one per household. Default: ${DEFAULT-VALUE}.")
  int count;

  @Option(
      names = "--warmup",
      defaultValue = "0",
      description =
          "Send this many alarms first (from further households) and leave them out of the"
              + " results: the first alarms of a fresh JVM, here and in the backend, are slow."
              + " Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(
      names = "--skip",
      defaultValue = "0",
      description =
          "Leave out the first N households that have the device, e.g. to keep the households of"
              + " an earlier probe apart. Default: ${DEFAULT-VALUE}.")
  int skip;

  @Option(
      names = "--rate",
      paramLabel = "ALARMS/S",
      defaultValue = "50",
      description = "Alarms per second. Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      defaultValue = "30s",
      description =
          "How long to wait after the last alarm for the subscriber and the broker's"
              + " acknowledgements. Default: ${DEFAULT-VALUE}.")
  Duration wait;

  @Option(names = "--out", paramLabel = "FILE", description = "Write one CSV line per alarm.")
  Path out;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    ProbeAlarm kind =
        switch (alarm) {
          case "press" -> ProbeAlarm.PRESS;
          case "smoke" -> ProbeAlarm.SMOKE;
          default -> throw common.usage("--alarm must be press or smoke, not " + alarm);
        };
    if (warmup < 0) {
      throw common.usage("--warmup must not be negative");
    }
    List<ProbeTargets.Target> targets =
        common.validated(() -> ProbeTargets.pick(common.households(), kind, skip, warmup + count));
    Prober prober = common.validated(() -> new Prober(common.fleet(1, false, 1), kind, rate, wait));
    Prober.Result result = prober.run(targets);
    List<ProbeRecord> measured = result.records().subList(warmup, result.records().size());
    if (out != null) {
      write(out, measured);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(summary(kind, result, measured, warmup));
    o.flush();
    return 0;
  }

  private static void write(Path file, List<ProbeRecord> records) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(ProbeRecord.csvHeader());
    records.forEach(r -> lines.add(r.csv()));
    Files.write(file, lines);
  }

  private static String summary(ProbeAlarm kind, Prober.Result result,
      List<ProbeRecord> measured, int warmup) {
    List<Long> hops = new ArrayList<>();
    for (ProbeRecord r : measured) {
      if (r.hopNanos() >= 0) {
        hops.add(r.hopNanos());
      }
    }
    hops.sort(null);
    return String.format(Locale.ROOT,
        "probe summary: %d %s alarms from %d households in %.1f s, the first %d a warm-up%n"
            + "  sent %d, acked %d, errors %s; subscriber received %d of %d measured%n"
            + "  broker hop ms: p50 %s  p99 %s  max %s",
        result.records().size(), kind.cliName(), result.records().size(), result.seconds(),
        warmup, result.sent(), result.acked(), result.errors(), hops.size(), measured.size(),
        millis(hops, 0.50), millis(hops, 0.99), millis(hops, 1.0));
  }

  /** Nearest-rank quantile in milliseconds, or "-" without samples. */
  private static String millis(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return "-";
    }
    int rank = (int) Math.ceil(q * sorted.size());
    long nanos = sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
  }
}

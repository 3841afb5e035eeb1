package io.shouwang.sim.cli;

import io.shouwang.sim.mqtt.ConnectionException;
import io.shouwang.sim.scenario.ScenarioFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;

/** Builds the command line and maps failures to exit codes: 1 at run time, 2 for usage. */
public final class SimCli {

  private SimCli() {}

  /** Runs the command line and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new SimCommand());
    // Every duration option reads "250ms", "60s", "5m"; registered here so none can miss it.
    cli.registerConverter(Duration.class, new DurationConverter());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          if (e instanceof ConnectionException
              || e instanceof ScenarioFailure
              || e instanceof IOException) {
            command.getErr().println("device-sim: " + e.getMessage());
          } else {
            command.getErr().println("device-sim: unexpected failure: " + e);
            e.printStackTrace(command.getErr());
          }
          command.getErr().flush();
          return 1;
        });
    return cli.execute(args);
  }
}

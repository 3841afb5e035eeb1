package io.shouwang.sim;

import io.shouwang.sim.cli.SimCli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code device-sim} command-line tool. */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(SimCli.execute(args, out, err));
  }
}

package io.shouwang.gateway.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded time-series server on its own, in its own process: for benchmarks (so its CPU
 * is not counted as the gateway's) and for trying the InfluxDB v2 write API by hand.
 * Usage: {@code StandaloneTimeSeries <dataDir> <httpPort>}.
 */
public final class StandaloneTimeSeries {

  private StandaloneTimeSeries() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: StandaloneTimeSeries <dataDir> <httpPort>");
      System.exit(2);
    }
    EmbeddedTimeSeries server =
        new EmbeddedTimeSeries(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]));
    server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      stopped.countDown();
    }, "time-series-shutdown"));
    System.out.println("time-series server listening at " + server.url());
    stopped.await();
  }
}

package io.shouwang.sim.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits for the run's duration or Ctrl-C, and lets the run finish cleanly after Ctrl-C. */
final class Lifetime implements AutoCloseable {

  private final CountDownLatch interrupted = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  Lifetime() {
    hook =
        new Thread(
            () -> {
              interrupted.countDown();
              try {
                // Give the run time to drain and print its summary before the JVM exits.
                finished.await(15, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Returns after {@code duration}, at once on Ctrl-C; a zero duration waits for Ctrl-C only. */
  void await(Duration duration) throws InterruptedException {
    if (duration.isZero()) {
      interrupted.await();
    } else {
      interrupted.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Runs {@code onStop} as soon as Ctrl-C is pressed (on a thread of its own). */
  void onInterrupt(Runnable onStop) {
    Thread t =
        new Thread(
            () -> {
              try {
                interrupted.await();
                onStop.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ctrl-c-watch");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running and has just been released.
    }
  }
}

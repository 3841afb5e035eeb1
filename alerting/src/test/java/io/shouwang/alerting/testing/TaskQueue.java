package io.shouwang.alerting.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** A single-threaded "engine loop" for unit tests: tasks run when the test drains the queue. */
public final class TaskQueue implements Executor {

  private final Queue<Runnable> tasks = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable task) {
    tasks.add(task);
  }

  /** Runs the oldest queued task; false when there was none. */
  public boolean runOne() {
    Runnable next;
    synchronized (this) {
      next = tasks.poll();
    }
    if (next == null) {
      return false;
    }
    next.run();
    return true;
  }

  /** Runs queued tasks, and the tasks they queue, until none is left. */
  public void runAll() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = tasks.poll();
      }
      if (next == null) {
        return;
      }
      next.run();
    }
  }
}
